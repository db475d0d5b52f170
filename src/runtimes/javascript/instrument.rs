//! Host-side instrumentation of JavaScript and TypeScript snippets, with oxc.
//!
//! [`compile`] parses a snippet (TypeScript or JavaScript, as its language
//! says), strips its types, and rewrites it so that candor's JavaScript harness (the
//! frozen hook object that `runtimes/javascript/bootstrap.js` makes) sees every
//! handler fire. The hook's name, written `__candor` below, is made up for each
//! run ([`hook_name`]) and so are the rewrite's own variables (`__candor_h`
//! is `<hook>_h`): the snippet cannot name them, so it cannot call the hook
//! itself nor change what the rewrite keeps.
//!
//! - `catch (e) {…}` and `catch {…}` start with `__candor.caught(ID, e)`;
//! - the handler of `.catch(fn)` and the rejection handler of `.then(ok, fn)` are
//!   wrapped as `__candor.handler(ID, fn)`;
//! - a `finally` that returns, breaks or continues records what was in flight
//!   and calls `__candor.discard(ID, inflight)` before it throws it away;
//! - inside a handler, a placeholder (a literal, a container of literals, a
//!   constant-argument constructor, a random value, a module constant) that is
//!   returned, yielded or assigned to a variable read elsewhere becomes
//!   `__candor.value(SITE, ID, expr)`, and so does a placeholder returned after a
//!   handler of the same function swallowed (`__candor.value(SITE, __candor_h, x)`,
//!   where `__candor_h` is the last handler of this call that fired);
//! - every `throw` inside a handler is preceded by `__candor.propagated(ID)`;
//! - in a retry loop, the guarded code's `return v` becomes
//!   `return __candor.ok(ID, v)` and its `break` is preceded by `__candor.ok(ID)`.
//!
//! Alongside the program it returns the static facts about every handler and
//! placeholder site, as JSON lines in the format all candor guests share (see
//! `src/detect/facts.rs`), with lines and columns of the user's original source,
//! and a position map ("genLine genCol origLine origCol", 1-based) that the runner
//! uses to put runtime positions (stacks, the line an exception was raised at)
//! back on the user's lines.

use oxc::allocator::{Allocator, TakeIn};
use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, VisitMut, walk, walk_mut};
use oxc::codegen::{Codegen, CodegenOptions};
use oxc::parser::Parser;
use oxc::semantic::SemanticBuilder;
use oxc::span::{GetSpan, SPAN, SourceType, Span};
use oxc::transformer::{TransformOptions, Transformer};
use super::spans::{Returns, SpanSet};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// What the hook's name starts with, and what the guest shows instead of it.
pub(crate) const HOOK_PREFIX: &str = "__candor";

/// A name for the hook object that the snippet cannot guess: `__candor_` and 16
/// hex digits, random, or with `deterministic` a hash of the source (so that
/// a run repeats bit for bit, fuel included: the name's hash decides where
/// QuickJS files it).
pub(crate) fn hook_name(source: &str, deterministic: bool) -> String {
    use std::hash::BuildHasher;
    let value = if deterministic {
        // FNV-1a, which no Rust release changes
        source.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    } else {
        std::collections::hash_map::RandomState::new().hash_one(source)
    };
    format!("{HOOK_PREFIX}_{value:016x}")
}
/// Calls whose presence in a handler means the error is made visible.
const SURFACING: &[&str] = &[
    "debug",
    "info",
    "warning",
    "warn",
    "error",
    "exception",
    "critical",
    "fatal",
    "log",
    "trace",
    "print",
    "alert",
];
/// Calls that record the failure for later (a list of errors, a set of bad rows).
const RECORDING: &[&str] = &["push", "unshift", "add"];
/// Calls that end the program loudly: as good as a re-raise.
const EXITING: &[&str] = &["exit", "abort"];
/// Callees whose constant-argument call makes a made-up value.
const BUILTIN_TYPES: &[&str] = &[
    "Number", "String", "Boolean", "Array", "Object", "Symbol", "BigInt", "Date", "Map", "Set",
];
/// Calls that make a random value.
const RANDOM: &[&[&str]] = &[
    &["Math", "random"],
    &["crypto", "randomUUID"],
    &["crypto", "getRandomValues"],
    &["Date", "now"],
];

/// A snippet ready to run: the program, the facts, and the position map.
#[derive(Debug, Clone)]
pub(crate) struct Instrumented {
    /// The JavaScript the runner evaluates (`/.candor/program.js`).
    pub(crate) code: String,
    /// Evaluate as an ES module (it has `import`/`export` or top-level `await`),
    /// else as a classic script.
    pub(crate) module: bool,
    /// `handler` and `site` facts, one JSON object per string.
    pub(crate) facts: Vec<String>,
    /// "genLine genCol origLine origCol" lines, 1-based, sorted by generated
    /// position (`/.candor/map`).
    pub(crate) line_map: String,
}

/// A snippet that does not parse, at its original position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) message: String,
    /// 1-based.
    pub(crate) line: u32,
    /// 1-based, in bytes of UTF-8 (as Python reports columns).
    pub(crate) column: u32,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SyntaxError: {} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Parses, strips types and instruments `source`, TypeScript when
/// `file_name` ends in `.ts`, `.mts` or `.cts`.
#[cfg(test)]
pub(crate) fn instrument(source: &str, file_name: &str) -> Result<Instrumented, SyntaxError> {
    let typescript = [".ts", ".mts", ".cts"]
        .iter()
        .any(|ext| file_name.ends_with(ext));
    compile(source, file_name, typescript, true, HOOK_PREFIX)
}

/// Parses `source` as TypeScript (`typescript`) or JavaScript, strips its
/// types, and instruments it when `detect` is set, calling the hook object
/// `hook`; without it the program is the user's own (types stripped), with no
/// probes and no facts (`--no-detect` runs at full speed). `file_name` only
/// says whether the snippet is an ES module or CommonJS (see [`source_type`])
/// and names it in the position map.
pub(crate) fn compile(
    source: &str,
    file_name: &str,
    typescript: bool,
    detect: bool,
    hook: &str,
) -> Result<Instrumented, SyntaxError> {
    let lines = LineIndex::new(source);
    let source_type = source_type(file_name, typescript);
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if let Some(error) = parsed.diagnostics.errors().next() {
        return Err(syntax_error(error, &lines));
    }
    let mut program = parsed.program;
    let module = program.source_type.is_module() || has_top_level_await(&program);
    // enums are compiled to plain objects below: their names are taken first
    let enums = enum_names(&program);

    if source_type.is_typescript() {
        let scoping = SemanticBuilder::new()
            .build(&program)
            .semantic
            .into_scoping();
        let options = TransformOptions::default();
        let stripped = Transformer::new(&allocator, Path::new(file_name), &options)
            .build_with_scoping(scoping, &mut program);
        if let Some(error) = stripped.diagnostics.errors().next() {
            return Err(syntax_error(error, &lines));
        }
    }

    let mut rewriter = Rewriter {
        alloc: &allocator,
        hook,
        src: source,
        lines: &lines,
        handlers: Vec::new(),
        sites: Vec::new(),
        scopes: Vec::new(),
        module_constants: module_constants(&program),
        enums,
    };
    if detect {
        rewriter.visit_program(&mut program);
    }

    let options = CodegenOptions {
        source_map_path: Some(Path::new(file_name).to_path_buf()),
        ..CodegenOptions::default()
    };
    let generated = Codegen::new()
        .with_options(options)
        .with_source_text(source)
        .build(&program);
    let mut line_map = String::new();
    if let Some(map) = &generated.map {
        let mut seen = HashSet::new();
        for token in map.get_tokens() {
            let key = (token.get_dst_line(), token.get_dst_col());
            if seen.insert(key) {
                line_map.push_str(&format!(
                    "{} {} {} {}\n",
                    token.get_dst_line() + 1,
                    token.get_dst_col() + 1,
                    token.get_src_line() + 1,
                    token.get_src_col() + 1
                ));
            }
        }
    }
    let mut facts: Vec<String> = rewriter
        .handlers
        .iter()
        .map(|h| h.fact().to_string())
        .collect();
    facts.extend(rewriter.sites.iter().map(|s| s.to_string()));
    Ok(Instrumented {
        code: generated.code,
        module,
        facts,
        line_map,
    })
}

/// How oxc parses a snippet: TypeScript or JavaScript as its language says
/// (never from the file name), as an ES module for `.mjs`/`.mts`, as CommonJS
/// for `.cjs`/`.cts`, and otherwise as a module only when it has `import` or
/// `export` (the rest are scripts, as node runs a `.js` file).
fn source_type(file_name: &str, typescript: bool) -> SourceType {
    let ext = Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let base = SourceType::unambiguous().with_typescript(typescript);
    match ext.as_deref() {
        Some("mjs" | "mts") => base.with_module(true),
        Some("cjs" | "cts") => base.with_commonjs(true),
        _ => base,
    }
}

fn syntax_error(error: &oxc::diagnostics::OxcDiagnostic, lines: &LineIndex) -> SyntaxError {
    let offset = error.labels.first().map_or(0, |l| l.offset());
    let (line, column) = lines.position(offset);
    SyntaxError {
        message: error.message.to_string(),
        line,
        column,
    }
}

/// Top-level `await` (outside every function), which makes a script a module.
fn has_top_level_await(program: &Program<'_>) -> bool {
    struct Finder(bool);
    impl<'a> Visit<'a> for Finder {
        fn visit_await_expression(&mut self, _: &AwaitExpression<'a>) {
            self.0 = true;
        }
        fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
            if it.r#await {
                self.0 = true;
            }
            walk::walk_for_of_statement(self, it);
        }
        fn visit_function(&mut self, _: &Function<'a>, _: oxc::semantic::ScopeFlags) {}
        fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
        fn visit_class(&mut self, _: &Class<'a>) {}
    }
    let mut finder = Finder(false);
    finder.visit_program(program);
    finder.0
}

// -- positions ----------------------------------------------------------------------

/// Byte offset → 1-based line and column.
struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    fn new(source: &str) -> Self {
        let mut starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    fn position(&self, offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        (line as u32, offset - self.starts[line - 1] + 1)
    }
}

// -- static facts ---------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Reraise {
    Always,
    Sometimes,
    Never,
}

struct HandlerInfo {
    id: u32,
    kind: &'static str,
    start: (u32, u32),
    end: (u32, u32),
    function: Option<String>,
    reraises: Reraise,
    surfaces: bool,
    recovers: bool,
    drops: bool,
    retry: bool,
    failure_value: bool,
}

impl HandlerInfo {
    fn fact(&self) -> serde_json::Value {
        json!({
            "fact": "handler",
            "id": self.id,
            "kind": self.kind,
            "line": self.start.0,
            "column": self.start.1,
            "end_line": self.end.0,
            "end_column": self.end.1,
            "catches": [],
            "function": self.function,
            "reraises": match self.reraises {
                Reraise::Always => "always",
                Reraise::Sometimes => "sometimes",
                Reraise::Never => "never",
            },
            "surfaces": self.surfaces,
            "recovers": self.recovers,
            "drops": self.drops,
            "retry": self.retry,
            "failure_value": self.failure_value,
        })
    }
}

/// What a placeholder is made of, or why it is none.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Literal,
    Container,
    None,
    Constructor,
    Random,
    Constant,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Literal => "literal",
            Kind::Container => "container",
            Kind::None => "none",
            Kind::Constructor => "constructor",
            Kind::Random => "random",
            Kind::Constant => "constant",
        }
    }
}

/// What the rewriter knows about the function (or program) it is in.
struct Scope {
    name: Option<String>,
    /// Names read somewhere in the function (an assignment to one is "used later").
    loads: HashSet<String>,
    params: HashSet<String>,
    /// `return <constant>` outside handlers.
    returns: Returns,
    /// Loops around the current node, in this function.
    loops: u32,
    /// Handlers (`catch` clauses) of this function that may swallow: a placeholder
    /// returned after them is reported with the handler that fired last.
    swallowing: bool,
    /// Spans of handler bodies and guarded blocks (placeholders there are the handler's own).
    guarded: Vec<Span>,
    /// The body can hold statements (false for an arrow function's expression body).
    has_statements: bool,
}

impl Scope {
    fn new(
        name: Option<String>,
        loads: HashSet<String>,
        params: HashSet<String>,
        returns: Returns,
        has_statements: bool,
    ) -> Self {
        Scope {
            name,
            loads,
            params,
            returns,
            loops: 0,
            swallowing: false,
            guarded: Vec::new(),
            has_statements,
        }
    }
}

struct Rewriter<'a, 's> {
    alloc: &'a Allocator,
    /// The hook object's name in this run, and the prefix of the rewrite's variables.
    hook: &'s str,
    src: &'s str,
    lines: &'s LineIndex,
    handlers: Vec<HandlerInfo>,
    sites: Vec<serde_json::Value>,
    scopes: Vec<Scope>,
    module_constants: HashSet<String>,
    /// TypeScript `enum` names of the program's top level.
    enums: HashSet<String>,
}

impl<'a> Rewriter<'a, '_> {
    fn text(&self, span: Span) -> String {
        let raw = self
            .src
            .get(span.start as usize..span.end as usize)
            .unwrap_or("");
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() <= 80 {
            text
        } else {
            let cut: String = text.chars().take(77).collect();
            format!("{cut}...")
        }
    }

    fn start_end(&self, span: Span) -> ((u32, u32), (u32, u32)) {
        (
            self.lines.position(span.start),
            self.lines.position(span.end),
        )
    }

    // -- building nodes from small templates ------------------------------------------

    /// Parses `code` as a script in the program's arena; every span is cleared,
    /// so the new nodes map to nothing in the user's source.
    fn parse(&self, code: String) -> oxc::allocator::Vec<'a, Statement<'a>> {
        let code: &'a str = self.alloc.alloc_str(&code);
        let mut ret = Parser::new(self.alloc, code, SourceType::cjs()).parse();
        assert!(
            !ret.diagnostics.has_errors(),
            "candor template does not parse: {code}"
        );
        ClearSpans.visit_program(&mut ret.program);
        ret.program.body
    }

    fn statement(&self, code: String) -> Statement<'a> {
        self.parse(code).pop().expect("one statement")
    }

    fn expression(&self, code: String) -> Expression<'a> {
        match self.statement(format!("({code});")) {
            Statement::ExpressionStatement(s) => match s.unbox().expression {
                Expression::ParenthesizedExpression(p) => p.unbox().expression,
                e => e,
            },
            _ => unreachable!("an expression statement"),
        }
    }

    /// `HOOK.method(args..., <expr>)`, with `expr` moved in as the last argument.
    fn wrap(&self, expr: &mut Expression<'a>, method: &str, args: &str) {
        let hook = self.hook;
        let mut call = self.expression(format!("{hook}.{method}({args}0)"));
        if let Expression::CallExpression(c) = &mut call {
            let last = c.arguments.last_mut().expect("an argument");
            *last = Argument::from(expr.take_in(&self.alloc));
        }
        *expr = call;
    }

    // -- classification -------------------------------------------------------------------

    fn new_handler(&mut self, kind: &'static str, span: Span) -> u32 {
        let id = self.handlers.len() as u32;
        let (start, end) = self.start_end(span);
        let scope = self.scopes.last();
        self.handlers.push(HandlerInfo {
            id,
            kind,
            start,
            end,
            function: scope.and_then(|s| s.name.clone()),
            reraises: Reraise::Never,
            surfaces: false,
            recovers: false,
            drops: false,
            retry: false,
            failure_value: false,
        });
        id
    }

    /// Fills in what `body` does, for handler `hid` whose error is `error_name`;
    /// `guarded` is the span of the code the handler guards (for failure values).
    fn classify(&mut self, hid: u32, body: &[Statement<'a>], errors: &[String], guarded: Span) {
        let mut body_facts = BodyFacts::new(errors, self.hook);
        for stmt in body {
            body_facts.visit_statement(stmt);
        }
        let top_level_raise = body.iter().any(|s| match s {
            Statement::ThrowStatement(_) => true,
            Statement::ExpressionStatement(e) => is_exit_call(&e.expression),
            Statement::ReturnStatement(r) => r.argument.as_ref().is_some_and(is_promise_reject),
            _ => false,
        });
        let drops = body.iter().all(|s| match s {
            Statement::EmptyStatement(_)
            | Statement::ContinueStatement(_)
            | Statement::BreakStatement(_) => true,
            Statement::ReturnStatement(r) => r
                .argument
                .as_ref()
                .is_none_or(|a| constant_kind(a) == Some(Kind::None)),
            Statement::ExpressionStatement(e) => {
                constant_kind(&e.expression) == Some(Kind::Literal)
            }
            _ => false,
        });
        let h = &mut self.handlers[hid as usize];
        h.reraises = if top_level_raise {
            Reraise::Always
        } else if body_facts.raises {
            Reraise::Sometimes
        } else {
            Reraise::Never
        };
        h.surfaces = body_facts.surfaces;
        h.recovers |= body_facts.assigns_computed;
        h.drops = drops;
        let _ = guarded;
    }

    /// The kind of placeholder `expr` is, or None when it is computed from data.
    fn placeholder(&self, expr: &Expression<'a>) -> Option<Kind> {
        if let Some(kind) = constant_kind(expr) {
            return Some(kind);
        }
        let scope = self.scopes.last();
        if let Some(scope) = scope
            && echo_container(expr, &scope.params)
        {
            return Some(Kind::Container);
        }
        match expr.without_parentheses() {
            Expression::NewExpression(n) => {
                let name = dotted(&n.callee)?;
                if name.is_empty() || !n.arguments.iter().all(constant_argument) {
                    return None;
                }
                Some(Kind::Constructor)
            }
            Expression::CallExpression(c) => {
                if let Some(kind) = self.derived_placeholder(c) {
                    return Some(kind);
                }
                let name = dotted(&c.callee)?;
                if !c.arguments.iter().all(constant_argument) {
                    return None;
                }
                let names: Vec<&str> = name.iter().map(String::as_str).collect();
                if RANDOM.iter().any(|r| names.ends_with(r)) {
                    return Some(Kind::Random);
                }
                let last = names.last()?;
                if BUILTIN_TYPES.contains(last) {
                    return Some(Kind::Constructor);
                }
                None
            }
            Expression::BinaryExpression(b) => {
                // `Math.random() * 1000`: arithmetic on a random value and constants
                let (l, r) = (self.placeholder(&b.left), self.placeholder(&b.right));
                let random = l == Some(Kind::Random) || r == Some(Kind::Random);
                let constant = |k: Option<Kind>| matches!(k, Some(Kind::Literal | Kind::Random));
                (random && constant(l) && constant(r)).then_some(Kind::Random)
            }
            Expression::StaticMemberExpression(m) => {
                // `Status.Unknown` of an enum, `DEFAULTS.timeout` of a module constant
                let Expression::Identifier(id) = m.object.without_parentheses() else {
                    return None;
                };
                let name = id.name.as_str();
                let param = scope.is_some_and(|s| s.params.contains(name));
                let constant = self.module_constants.contains(name) || self.enums.contains(name);
                (constant && !param).then_some(Kind::Constant)
            }
            Expression::Identifier(id) => {
                let name = id.name.as_str();
                let param = scope.is_some_and(|s| s.params.contains(name));
                if self.module_constants.contains(name) && !param {
                    Some(Kind::Constant)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A call that only transforms a placeholder with constants: a method with
    /// constant arguments on one (`Math.random().toString(36).slice(2)`,
    /// `new Date(0).toISOString()`), or `Math.floor(Math.random() * 100)`.
    fn derived_placeholder(&self, call: &CallExpression<'a>) -> Option<Kind> {
        let member = call.callee.as_member_expression()?;
        let object = member.object();
        if matches!(object.without_parentheses(), Expression::Identifier(id) if id.name == "Math") {
            let kinds: Vec<Option<Kind>> = call
                .arguments
                .iter()
                .map(|a| a.as_expression().and_then(|e| self.placeholder(e)))
                .collect();
            let random = kinds.contains(&Some(Kind::Random));
            let constant = kinds
                .iter()
                .all(|k| matches!(k, Some(Kind::Literal | Kind::Random)));
            return (random && constant).then_some(Kind::Random);
        }
        if !call.arguments.iter().all(constant_argument) {
            return None;
        }
        match self.placeholder(object)? {
            Kind::None => None,
            Kind::Container | Kind::Literal => {
                // `[].concat()`, `"n/a".toUpperCase()`: still a constant, but
                // not a literal the rules know how to show: a constructor-like value
                Some(Kind::Constructor)
            }
            kind => Some(kind),
        }
    }

    /// A returned, yielded or assigned value of handler `hid`: a site when it is a placeholder.
    fn value(&mut self, hid: u32, expr: &mut Expression<'a>, via: &str, guarded: Span) {
        if is_hook_call(expr, self.hook) {
            return;
        }
        let Some(kind) = self.placeholder(expr) else {
            self.handlers[hid as usize].recovers = true;
            return;
        };
        if kind == Kind::None {
            return;
        }
        if via == "return" && self.is_failure_value(expr, guarded) {
            self.handlers[hid as usize].failure_value = true;
            return;
        }
        let sid = self.new_site(Some(hid), expr.span(), via, kind);
        self.wrap(expr, "value", &format!("{sid}, {hid}, "));
    }

    fn new_site(&mut self, hid: Option<u32>, span: Span, via: &str, kind: Kind) -> u32 {
        let sid = self.sites.len() as u32;
        let ((line, column), (end_line, end_column)) = self.start_end(span);
        self.sites.push(json!({
            "fact": "site",
            "id": sid,
            "handler": hid,
            "via": via,
            "kind": kind.as_str(),
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "text": self.text(span),
        }));
        sid
    }

    /// Returning this constant from a handler is the function's own answer for
    /// failure: the function returns the same constant on another path outside
    /// the guarded code, or returns the opposite boolean elsewhere.
    fn is_failure_value(&self, expr: &Expression<'a>, guarded: Span) -> bool {
        let Some(scope) = self.scopes.last() else {
            return false;
        };
        let own = expr.span();
        scope.returns.other_return_of(&self.text(own), own, guarded)
            || boolean_value(expr).is_some_and(|b| scope.returns.returns_boolean(!b))
    }

    /// Classifies the placeholders of a handler body and wraps its sites.
    fn handler_values(
        &mut self,
        hid: u32,
        body: &mut oxc::allocator::Vec<'a, Statement<'a>>,
        guarded: Span,
    ) {
        let mut finder = ValueFinder { found: Vec::new() };
        for stmt in body.iter_mut() {
            finder.visit_statement(stmt);
        }
        // whether each assigned variable is read elsewhere, asked before the
        // rewrite (which needs the rewriter mutably) instead of copying the names
        let read: Vec<bool> = {
            let loads = self.scopes.last().map(|s| &s.loads);
            finder
                .found
                .iter()
                .map(|(_, _, target)| match (target, loads) {
                    (Some(name), Some(loads)) => loads.contains(name),
                    (Some(_), None) => false,
                    (None, _) => true,
                })
                .collect()
        };
        for ((ptr, via, target), read) in finder.found.into_iter().zip(read) {
            // SAFETY: the pointers were taken from `body` just above, which is not
            // moved nor otherwise touched until this loop ends; each points at a
            // distinct expression slot.
            let expr: &mut Expression<'a> = unsafe { &mut *ptr };
            match (via, target) {
                (Via::Assign, Some(_)) if !read => {}
                (Via::Assign, Some(_)) => self.value(hid, expr, "assign", guarded),
                (Via::Assign, None) => {
                    // `obj.key = value`: storing a computed value is a recovery
                    if self.placeholder(expr).is_none() {
                        self.handlers[hid as usize].recovers = true;
                    }
                }
                (Via::Return, _) => self.value(hid, expr, "return", guarded),
                (Via::Yield, _) => self.value(hid, expr, "yield", guarded),
            }
        }
    }

    // -- rewriting ---------------------------------------------------------------------------

    fn rewrite_catch(&mut self, clause: &mut CatchClause<'a>, guarded: Span, retry: bool) -> u32 {
        let hid = self.new_handler("except", clause.span);
        self.handlers[hid as usize].retry = retry;
        let name = clause
            .param
            .as_ref()
            .and_then(|p| p.pattern.get_identifier_name().map(|n| n.to_string()));
        let names = clause
            .param
            .as_ref()
            .map(|p| bound_names(&p.pattern))
            .unwrap_or_default();
        self.classify(hid, &clause.body.body, &names, guarded);
        self.handler_values(hid, &mut clause.body.body, guarded);
        mark_throws(self, hid, &mut clause.body.body);
        let hook = self.hook;
        let error_ref = name.clone().unwrap_or_else(|| format!("{hook}_e"));
        // the pattern of `catch ({ message })`, destructured after the probe
        let mut destructure = None;
        if name.is_none() {
            // `catch {}` → `catch (__candor_e) {}`; `catch ({ message }) {}` →
            // `catch (__candor_e) { …probe…; let { message } = __candor_e; }`
            let mut tmpl = self.statement(format!("try {{}} catch ({hook}_e) {{}}"));
            if let Statement::TryStatement(t) = &mut tmpl
                && let Some(h) = t.handler.as_mut()
            {
                let mut param = h.param.take();
                if let (Some(user), Some(ours)) = (clause.param.as_mut(), param.as_mut()) {
                    let mut decl = self.statement(format!("let {hook}_d = {hook}_e;"));
                    if let Statement::VariableDeclaration(d) = &mut decl {
                        std::mem::swap(&mut d.declarations[0].id, &mut user.pattern);
                        std::mem::swap(&mut user.pattern, &mut ours.pattern);
                    }
                    destructure = Some(decl);
                } else {
                    clause.param = param;
                }
            }
        }
        let swallowing = self.handlers[hid as usize].reraises != Reraise::Always;
        let mark = if swallowing
            && self
                .scopes
                .last()
                .is_some_and(|s| s.has_statements && s.name.is_some())
        {
            if let Some(scope) = self.scopes.last_mut() {
                scope.swallowing = true;
            }
            format!("{hook}_h = {hid}; ")
        } else {
            String::new()
        };
        let probe = self.statement(format!("{{ {hook}.caught({hid}, {error_ref}); {mark}}}"));
        if let Statement::BlockStatement(mut b) = probe {
            let stmts = b.body.take_in(&self.alloc);
            for (at, s) in stmts.into_iter().chain(destructure).enumerate() {
                clause.body.body.insert(at, s);
            }
        }
        hid
    }

    /// `.catch(fn)` / `.then(ok, fn)`: `fn` → `__candor.handler(ID, fn)`.
    fn rewrite_promise_handler(&mut self, arg: &mut Argument<'a>) {
        let Some(expr) = arg.as_expression_mut() else {
            return;
        };
        let hid = self.new_handler("except", expr.span());
        match expr.without_parentheses_mut() {
            Expression::ArrowFunctionExpression(f) => {
                let name = first_param_names(&f.params);
                match &mut f.body {
                    ArrowFunctionBody::FunctionBody(body) => self.inline_handler(hid, body, name),
                    body => {
                        if let Some(e) = body.as_expression_mut() {
                            self.inline_handler_expression(hid, e, name);
                        }
                    }
                }
            }
            Expression::FunctionExpression(f) => {
                let name = first_param_names(&f.params);
                if let Some(body) = f.body.as_mut() {
                    self.inline_handler(hid, body, name);
                }
            }
            other => {
                // a handler written elsewhere: what it does is not known here, so
                // it is taken to handle the error (precision over recall)
                let surfaces = dotted(other)
                    .is_some_and(|n| n.last().is_some_and(|l| SURFACING.contains(&l.as_str())));
                let h = &mut self.handlers[hid as usize];
                h.surfaces = surfaces;
                h.recovers = !surfaces;
            }
        }
        let mut taken = expr.take_in(&self.alloc);
        self.wrap(&mut taken, "handler", &format!("{hid}, "));
        *expr = taken;
    }

    /// The parameters an inline promise handler's value may echo: its result
    /// stands in for the enclosing function's, so those of the enclosing function.
    fn enclosing_params(&self) -> HashSet<String> {
        self.scopes
            .last()
            .map(|s| s.params.clone())
            .unwrap_or_default()
    }

    fn inline_handler(&mut self, hid: u32, body: &mut FunctionBody<'a>, error: Vec<String>) {
        self.scopes.push(Scope::new(
            None,
            loads_of(body),
            self.enclosing_params(),
            Returns::default(),
            true,
        ));
        self.classify(hid, &body.statements, &error, SPAN);
        self.handler_values(hid, &mut body.statements, SPAN);
        mark_throws(self, hid, &mut body.statements);
        self.scopes.pop();
    }

    /// `(e) => value`: the value is what the handler returns.
    fn inline_handler_expression(
        &mut self,
        hid: u32,
        expr: &mut Expression<'a>,
        error: Vec<String>,
    ) {
        self.scopes.push(Scope::new(
            None,
            loads_of_expression(expr),
            self.enclosing_params(),
            Returns::default(),
            false,
        ));
        let mut facts = BodyFacts::new(&error, self.hook);
        facts.visit_expression(expr);
        {
            let h = &mut self.handlers[hid as usize];
            h.surfaces = facts.surfaces;
            h.reraises = if is_promise_reject(expr) {
                Reraise::Always
            } else {
                Reraise::Never
            };
            h.drops = constant_kind(expr) == Some(Kind::None);
        }
        self.value(hid, expr, "return", SPAN);
        self.scopes.pop();
    }

    /// `try … finally { return … }`: the finally may discard an exception in flight.
    fn rewrite_finally(&mut self, stmt: &mut Statement<'a>) {
        let Statement::TryStatement(t) = stmt else {
            return;
        };
        let guarded = t.block.span;
        let Some(finalizer) = t.finalizer.as_mut() else {
            return;
        };
        let hid = self.new_handler("finally", finalizer.span);
        self.classify(hid, &finalizer.body, &[], guarded);
        self.handler_values(hid, &mut finalizer.body, guarded);
        {
            let h = &mut self.handlers[hid as usize];
            // whatever the finally computes, the in-flight exception is lost
            h.drops = true;
            h.recovers = false;
        }
        let hook = self.hook;
        let flag = format!("{hook}_f{hid}");
        let mut discards = DiscardMarker {
            rw: self,
            hid,
            flag: flag.clone(),
            loops: 0,
        };
        for s in finalizer.body.iter_mut() {
            discards.visit_statement(s);
        }
        let mut block = self.statement(format!(
            "{{ let {flag} = {hook}.none; try {{}} catch ({hook}_x) {{ {flag} = {hook}_x; throw {hook}_x; }} finally {{}} }}"
        ));
        let finalizer = t.finalizer.take();
        let has_handler = t.handler.is_some();
        let guarded_body = if has_handler {
            None
        } else {
            Some(t.block.body.take_in(&self.alloc))
        };
        let inner = if has_handler {
            Some(stmt.take_in(&self.alloc))
        } else {
            None
        };
        let Statement::BlockStatement(b) = &mut block else {
            unreachable!("a block template")
        };
        let Some(Statement::TryStatement(wrapper)) = b.body.last_mut() else {
            unreachable!("a try template")
        };
        wrapper.finalizer = finalizer;
        match (inner, guarded_body) {
            (Some(inner), _) => wrapper.block.body.push(inner),
            (None, Some(body)) => wrapper.block.body = body,
            (None, None) => {}
        }
        *stmt = block;
    }
}

/// Marks in a retry loop's guarded code where it succeeds.
struct SuccessMarker<'r, 'a, 's> {
    rw: &'r Rewriter<'a, 's>,
    hid: u32,
    loops: u32,
}

impl<'a> VisitMut<'a> for SuccessMarker<'_, 'a, '_> {
    fn visit_statement(&mut self, it: &mut Statement<'a>) {
        match it {
            Statement::ReturnStatement(r) => {
                let mut value = match r.argument.take() {
                    Some(v) => v,
                    None => self.rw.expression("undefined".to_string()),
                };
                self.rw.wrap(&mut value, "ok", &format!("{}, ", self.hid));
                r.argument = Some(value);
            }
            Statement::BreakStatement(b) if self.loops == 0 && b.label.is_none() => {
                let mut block =
                    (self.rw).statement(format!("{{ {}.ok({}); }}", self.rw.hook, self.hid));
                if let Statement::BlockStatement(bl) = &mut block {
                    bl.body.push(it.take_in(&self.rw.alloc));
                }
                *it = block;
            }
            _ => {
                let nested = breakable(it);
                self.loops += u32::from(nested);
                walk_mut::walk_statement(self, it);
                self.loops -= u32::from(nested);
            }
        }
    }
    fn visit_function(&mut self, _: &mut Function<'a>, _: oxc::semantic::ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &mut ArrowFunctionExpression<'a>) {}
    fn visit_class(&mut self, _: &mut Class<'a>) {}
    fn visit_catch_clause(&mut self, _: &mut CatchClause<'a>) {}
    fn visit_with_statement(&mut self, _: &mut WithStatement<'a>) {}
}

/// Before each `return`/`break`/`continue` of a `finally` that leaves it:
/// `__candor.discard(ID, flag)`.
struct DiscardMarker<'r, 'a, 's> {
    rw: &'r Rewriter<'a, 's>,
    hid: u32,
    flag: String,
    loops: u32,
}

impl<'a> VisitMut<'a> for DiscardMarker<'_, 'a, '_> {
    fn visit_statement(&mut self, it: &mut Statement<'a>) {
        let leaves = match it {
            Statement::ReturnStatement(_) => true,
            Statement::BreakStatement(_) | Statement::ContinueStatement(_) => self.loops == 0,
            _ => false,
        };
        if leaves {
            let mut block = self.rw.statement(format!(
                "{{ {}.discard({}, {}); }}",
                self.rw.hook, self.hid, self.flag
            ));
            if let Statement::BlockStatement(bl) = &mut block {
                bl.body.push(it.take_in(&self.rw.alloc));
            }
            *it = block;
            return;
        }
        let is_loop = breakable(it);
        self.loops += u32::from(is_loop);
        walk_mut::walk_statement(self, it);
        self.loops -= u32::from(is_loop);
    }
    fn visit_function(&mut self, _: &mut Function<'a>, _: oxc::semantic::ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &mut ArrowFunctionExpression<'a>) {}
    fn visit_class(&mut self, _: &mut Class<'a>) {}
    fn visit_with_statement(&mut self, _: &mut WithStatement<'a>) {}
}

/// `throw x` inside a handler → `{ __candor.propagated(ID); throw x; }`.
fn mark_throws<'a>(
    rw: &Rewriter<'a, '_>,
    hid: u32,
    body: &mut oxc::allocator::Vec<'a, Statement<'a>>,
) {
    struct Marker<'r, 'a, 's> {
        rw: &'r Rewriter<'a, 's>,
        hid: u32,
    }
    impl<'a> VisitMut<'a> for Marker<'_, 'a, '_> {
        fn visit_statement(&mut self, it: &mut Statement<'a>) {
            if let Statement::ThrowStatement(_) = it {
                let mut block = self
                    .rw
                    .statement(format!("{{ {}.propagated({}); }}", self.rw.hook, self.hid));
                if let Statement::BlockStatement(bl) = &mut block {
                    bl.body.push(it.take_in(&self.rw.alloc));
                }
                *it = block;
                return;
            }
            walk_mut::walk_statement(self, it);
        }
        fn visit_function(&mut self, _: &mut Function<'a>, _: oxc::semantic::ScopeFlags) {}
        fn visit_arrow_function_expression(&mut self, _: &mut ArrowFunctionExpression<'a>) {}
        fn visit_class(&mut self, _: &mut Class<'a>) {}
        fn visit_catch_clause(&mut self, _: &mut CatchClause<'a>) {}
        fn visit_with_statement(&mut self, _: &mut WithStatement<'a>) {}
    }
    let mut marker = Marker { rw, hid };
    for stmt in body.iter_mut() {
        marker.visit_statement(stmt);
    }
}

impl<'a> VisitMut<'a> for Rewriter<'a, '_> {
    fn visit_program(&mut self, it: &mut Program<'a>) {
        let mut loads = LoadCounter::default();
        loads.visit_program(it);
        self.scopes.push(Scope::new(
            None,
            loads.loads(),
            HashSet::new(),
            Returns::default(),
            true,
        ));
        walk_mut::walk_program(self, it);
        self.scopes.pop();
    }

    fn visit_function(&mut self, it: &mut Function<'a>, flags: oxc::semantic::ScopeFlags) {
        let Some(body) = it.body.as_ref() else {
            walk_mut::walk_function(self, it, flags);
            return;
        };
        let name = it
            .id
            .as_ref()
            .map(|id| id.name.to_string())
            .or_else(|| Some("<anonymous>".to_string()));
        self.scopes.push(Scope::new(
            name,
            loads_of(body),
            params_of(&it.params),
            returns_of(body, self.src),
            true,
        ));
        walk_mut::walk_function(self, it, flags);
        let scope = self.scopes.pop().expect("pushed above");
        if let Some(body) = it.body.as_mut() {
            self.after_swallow(scope, body);
        }
    }

    fn visit_arrow_function_expression(&mut self, it: &mut ArrowFunctionExpression<'a>) {
        let scope = match &it.body {
            ArrowFunctionBody::FunctionBody(body) => Scope::new(
                Some("<anonymous>".to_string()),
                loads_of(body),
                params_of(&it.params),
                returns_of(body, self.src),
                true,
            ),
            body => Scope::new(
                Some("<anonymous>".to_string()),
                body.as_expression()
                    .map(loads_of_expression)
                    .unwrap_or_default(),
                params_of(&it.params),
                Returns::default(),
                false,
            ),
        };
        self.scopes.push(scope);
        walk_mut::walk_arrow_function_expression(self, it);
        let scope = self.scopes.pop().expect("pushed above");
        if let Some(body) = it.body.as_function_body_mut() {
            self.after_swallow(scope, body);
        }
    }

    fn visit_statement(&mut self, it: &mut Statement<'a>) {
        let is_loop = is_loop(it);
        if is_loop {
            if let Some(s) = self.scopes.last_mut() {
                s.loops += 1;
            }
            walk_mut::walk_statement(self, it);
            if let Some(s) = self.scopes.last_mut() {
                s.loops -= 1;
            }
            return;
        }
        self.unread_settled(it);
        let Statement::TryStatement(t) = it else {
            walk_mut::walk_statement(self, it);
            return;
        };
        let guarded = t.block.span;
        let in_loop = self.scopes.last().is_some_and(|s| s.loops > 0);
        let retry = in_loop && t.handler.is_some() && leaves_loop(&t.block.body);
        let finally_discards = t.finalizer.as_ref().is_some_and(|f| discards(&f.body));
        if let Some(s) = self.scopes.last_mut() {
            s.guarded.push(guarded);
            if let Some(h) = &t.handler {
                s.guarded.push(h.body.span);
            }
            if let Some(f) = &t.finalizer {
                s.guarded.push(f.span);
            }
        }
        // the handler first, on the code as written (pre-order), then what it contains
        let hid = t
            .handler
            .as_mut()
            .map(|h| self.rewrite_catch(h, guarded, retry));
        walk_mut::walk_statement(self, it);
        if let (true, Some(hid), Statement::TryStatement(t)) = (retry, hid, &mut *it) {
            let mut marker = SuccessMarker {
                rw: self,
                hid,
                loops: 0,
            };
            for s in t.block.body.iter_mut() {
                marker.visit_statement(s);
            }
        }
        if finally_discards {
            self.rewrite_finally(it);
        }
    }

    /// Inside `with (obj)` every name is looked up on `obj` first: a proxy there
    /// would learn the hook's name. Nothing in its body is rewritten (its
    /// handlers go unwatched; `with` exists only in sloppy scripts).
    fn visit_with_statement(&mut self, it: &mut WithStatement<'a>) {
        self.visit_expression(&mut it.object);
    }

    fn visit_call_expression(&mut self, it: &mut CallExpression<'a>) {
        if is_hook_callee(&it.callee, self.hook) {
            walk_mut::walk_call_expression(self, it);
            return;
        }
        let index = match it
            .callee
            .as_member_expression()
            .and_then(|m| m.static_property_name())
        {
            Some("catch") => Some(0),
            Some("then") => Some(1),
            _ => None,
        };
        if let Some(i) = index
            && it.arguments.len() > i
            && !matches!(it.arguments[i], Argument::SpreadElement(_))
        {
            self.rewrite_promise_handler(&mut it.arguments[i]);
        }
        walk_mut::walk_call_expression(self, it);
    }
}

impl<'a> Rewriter<'a, '_> {
    /// `await Promise.allSettled(tasks);` with the results thrown away, or stored
    /// in a variable nobody reads: every rejection among them is dropped. The
    /// call becomes `__candor.settled(ID, Promise.allSettled(tasks))`, which
    /// reports each rejected result as caught by handler ID.
    fn unread_settled(&mut self, stmt: &mut Statement<'a>) {
        let slot: &mut Expression<'a> = match stmt {
            Statement::ExpressionStatement(e) => &mut e.expression,
            Statement::VariableDeclaration(d) if d.declarations.len() == 1 => {
                let d = &mut d.declarations[0];
                let read = d.id.get_identifier_name().is_none_or(|name| {
                    self.scopes
                        .last()
                        .is_some_and(|s| s.loads.contains(name.as_str()))
                });
                match d.init.as_mut() {
                    Some(init) if !read => init,
                    _ => return,
                }
            }
            _ => return,
        };
        let slot = match slot {
            Expression::AwaitExpression(a) => &mut a.argument,
            other => other,
        };
        let call = slot.without_parentheses_mut();
        let settles = matches!(&*call, Expression::CallExpression(c)
            if dotted(&c.callee).is_some_and(|n| n == ["Promise", "allSettled"]));
        if !settles {
            return;
        }
        let hid = self.new_handler("except", call.span());
        self.handlers[hid as usize].drops = true;
        self.wrap(call, "settled", &format!("{hid}, "));
    }

    /// Placeholders returned by a function after one of its handlers swallowed:
    /// `return []` once a `catch` dropped the error is a made-up result too.
    fn after_swallow(&mut self, mut scope: Scope, body: &mut FunctionBody<'a>) {
        if !scope.swallowing {
            return;
        }
        let mut finder = ValueFinder { found: Vec::new() };
        for stmt in body.statements.iter_mut() {
            finder.visit_statement(stmt);
        }
        let guarded = SpanSet::new(std::mem::take(&mut scope.guarded));
        self.scopes.push(scope);
        for (ptr, via, _) in finder.found {
            // SAFETY: as in `handler_values`: pointers into `body`, used one at a time.
            let expr: &mut Expression<'a> = unsafe { &mut *ptr };
            if via != Via::Return || is_hook_call(expr, self.hook) {
                continue;
            }
            let span = expr.span();
            let scope = self.scopes.last().expect("pushed above");
            if guarded.contains(span) {
                continue;
            }
            let Some(kind) = self.placeholder(expr) else {
                continue;
            };
            if kind == Kind::None {
                continue;
            }
            if boolean_value(expr).is_some_and(|b| scope.returns.returns_boolean(!b)) {
                continue;
            }
            let sid = self.new_site(None, span, "return_after_swallow", kind);
            self.wrap(expr, "value", &format!("{sid}, {}_h, ", self.hook));
        }
        self.scopes.pop();
        let decl = self.statement(format!("var {}_h = null;", self.hook));
        body.statements.insert(0, decl);
    }
}

// -- small read-only analyses ------------------------------------------------------------

/// Clears every span of a template, so that it maps to nothing.
struct ClearSpans;

impl<'a> VisitMut<'a> for ClearSpans {
    fn visit_span(&mut self, it: &mut Span) {
        *it = SPAN;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Via {
    Return,
    Yield,
    Assign,
}

/// Returned, yielded and assigned values of a handler body, not inside nested
/// functions or nested handlers: (slot, how, the assigned variable).
struct ValueFinder<'a> {
    found: Vec<(*mut Expression<'a>, Via, Option<String>)>,
}

impl<'a> VisitMut<'a> for ValueFinder<'a> {
    fn visit_return_statement(&mut self, it: &mut ReturnStatement<'a>) {
        if let Some(arg) = it.argument.as_mut() {
            self.found.push((arg as *mut _, Via::Return, None));
        }
    }
    fn visit_yield_expression(&mut self, it: &mut YieldExpression<'a>) {
        if let Some(arg) = it.argument.as_mut()
            && !it.delegate
        {
            self.found.push((arg as *mut _, Via::Yield, None));
        }
    }
    fn visit_assignment_expression(&mut self, it: &mut AssignmentExpression<'a>) {
        if it.operator != AssignmentOperator::Assign {
            return;
        }
        let target = match &it.left {
            AssignmentTarget::AssignmentTargetIdentifier(id) => Some(id.name.to_string()),
            t if t.as_member_expression().is_some() => None,
            _ => return,
        };
        self.found
            .push((&mut it.right as *mut _, Via::Assign, target));
    }
    fn visit_function(&mut self, _: &mut Function<'a>, _: oxc::semantic::ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &mut ArrowFunctionExpression<'a>) {}
    fn visit_class(&mut self, _: &mut Class<'a>) {}
    fn visit_catch_clause(&mut self, _: &mut CatchClause<'a>) {}
    fn visit_with_statement(&mut self, _: &mut WithStatement<'a>) {}
}

/// What a handler body does with the error. Inside nested functions only a
/// use of the error counts (a callback that logs or passes on the captured
/// error surfaces it); their calls, throws and assignments are not the handler's.
struct BodyFacts<'e> {
    /// The names the handler binds the error to (several for `catch ({ message, code })`).
    errors: &'e [String],
    /// The hook's name: its calls are the rewrite's, not the handler's.
    hook: &'e str,
    surfaces: bool,
    raises: bool,
    assigns_computed: bool,
    /// Depth of nested functions around the node being visited.
    nested: u32,
}

impl<'e> BodyFacts<'e> {
    fn new(errors: &'e [String], hook: &'e str) -> Self {
        BodyFacts {
            errors,
            hook,
            surfaces: false,
            raises: false,
            assigns_computed: false,
            nested: 0,
        }
    }
}

impl<'a> Visit<'a> for BodyFacts<'_> {
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        if self.errors.iter().any(|e| e == it.name.as_str()) {
            self.surfaces = true;
        }
    }
    fn visit_throw_statement(&mut self, it: &ThrowStatement<'a>) {
        self.raises |= self.nested == 0;
        walk::walk_throw_statement(self, it);
    }
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if is_hook_callee(&it.callee, self.hook) {
            return;
        }
        if self.nested > 0 {
            walk::walk_call_expression(self, it);
            return;
        }
        if let Some(name) = dotted(&it.callee) {
            let last = name.last().map(String::as_str).unwrap_or("");
            let writes = name.len() >= 2
                && matches!(name[name.len() - 2].as_str(), "stderr" | "stdout")
                && last == "write";
            let records = name.len() >= 2 && RECORDING.contains(&last);
            if SURFACING.contains(&last) || writes || records {
                // logged, printed or collected for later
                self.surfaces = true;
            } else if EXITING.contains(&last) && name.len() >= 2 {
                self.raises = true;
            } else if last == "reject" {
                // a promise executor's reject(...) passes the failure on
                self.surfaces = true;
            }
        }
        walk::walk_call_expression(self, it);
    }
    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if it.operator != AssignmentOperator::Assign && self.nested == 0 {
            // `failures += 1`: the failure is counted
            self.surfaces = true;
        }
        walk::walk_assignment_expression(self, it);
    }
    fn visit_update_expression(&mut self, it: &UpdateExpression<'a>) {
        self.surfaces |= self.nested == 0;
        walk::walk_update_expression(self, it);
    }
    fn visit_function(&mut self, it: &Function<'a>, flags: oxc::semantic::ScopeFlags) {
        self.nested += 1;
        walk::walk_function(self, it, flags);
        self.nested -= 1;
    }
    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.nested += 1;
        walk::walk_arrow_function_expression(self, it);
        self.nested -= 1;
    }
    fn visit_class(&mut self, it: &Class<'a>) {
        self.nested += 1;
        walk::walk_class(self, it);
        self.nested -= 1;
    }
}

/// The names a binding pattern binds (`e`, or `message` and `code` of `{ message, code }`).
fn bound_names(pattern: &BindingPattern<'_>) -> Vec<String> {
    pattern
        .get_binding_identifiers()
        .iter()
        .map(|id| id.name.to_string())
        .collect()
}

fn first_param_names(params: &FormalParameters<'_>) -> Vec<String> {
    params
        .items
        .first()
        .map(|p| bound_names(&p.pattern))
        .unwrap_or_default()
}

/// Counts identifier references and plain `=` stores.
#[derive(Default)]
struct LoadCounter {
    refs: HashMap<String, u32>,
    stores: HashMap<String, u32>,
}

impl<'a> Visit<'a> for LoadCounter {
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        *self.refs.entry(it.name.to_string()).or_default() += 1;
    }
    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if it.operator == AssignmentOperator::Assign
            && let AssignmentTarget::AssignmentTargetIdentifier(id) = &it.left
        {
            *self.stores.entry(id.name.to_string()).or_default() += 1;
        }
        walk::walk_assignment_expression(self, it);
    }
}

impl LoadCounter {
    /// Names referenced more often than they are the target of a plain `=`.
    fn loads(self) -> HashSet<String> {
        let stores = self.stores;
        self.refs
            .into_iter()
            .filter(|(name, n)| *n > stores.get(name).copied().unwrap_or(0))
            .map(|(name, _)| name)
            .collect()
    }
}

/// Names read in a function body, including in nested functions.
fn loads_of(body: &FunctionBody<'_>) -> HashSet<String> {
    let mut c = LoadCounter::default();
    c.visit_function_body(body);
    c.loads()
}

fn loads_of_expression(expr: &Expression<'_>) -> HashSet<String> {
    let mut c = LoadCounter::default();
    c.visit_expression(expr);
    c.loads()
}

fn params_of(params: &FormalParameters<'_>) -> HashSet<String> {
    params
        .items
        .iter()
        .filter_map(|p| p.pattern.get_identifier_name().map(|n| n.to_string()))
        .collect()
}

/// `return <constant>` statements of a function outside its handlers (not in
/// nested functions), by the value's text.
fn returns_of(body: &FunctionBody<'_>, src: &str) -> Returns {
    struct Finder<'s> {
        src: &'s str,
        found: Returns,
    }
    impl<'a> Visit<'a> for Finder<'_> {
        fn visit_return_statement(&mut self, it: &ReturnStatement<'a>) {
            if let Some(arg) = &it.argument
                && matches!(
                    constant_kind(arg),
                    Some(Kind::Literal | Kind::Container | Kind::None)
                )
            {
                let s = arg.span();
                let raw = self.src.get(s.start as usize..s.end as usize).unwrap_or("");
                let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                self.found.add(it.span, text, boolean_value(arg));
            }
        }
        fn visit_catch_clause(&mut self, _: &CatchClause<'a>) {}
        fn visit_function(&mut self, _: &Function<'a>, _: oxc::semantic::ScopeFlags) {}
        fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
        fn visit_class(&mut self, _: &Class<'a>) {}
    }
    let mut f = Finder {
        src,
        found: Returns::default(),
    };
    for stmt in &body.statements {
        f.visit_statement(stmt);
    }
    f.found
}

/// Top-level TypeScript `enum` names (exported or not).
fn enum_names(program: &Program<'_>) -> HashSet<String> {
    program
        .body
        .iter()
        .filter_map(|stmt| match stmt {
            Statement::TSEnumDeclaration(e) => Some(e.id.name.to_string()),
            Statement::ExportDeclaration(x) => match &x.declaration {
                Declaration::TSEnumDeclaration(e) => Some(e.id.name.to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Top-level `const NAME = <literal or container of literals>`.
fn module_constants(program: &Program<'_>) -> HashSet<String> {
    let mut names = HashSet::new();
    for stmt in &program.body {
        let decl = match stmt {
            Statement::VariableDeclaration(d) => d,
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::VariableDeclaration(d) => d,
                _ => continue,
            },
            _ => continue,
        };
        if decl.kind != VariableDeclarationKind::Const {
            continue;
        }
        for d in &decl.declarations {
            if let (Some(name), Some(init)) = (d.id.get_identifier_name(), &d.init)
                && matches!(constant_kind(init), Some(Kind::Literal | Kind::Container))
            {
                names.insert(name.to_string());
            }
        }
    }
    names
}

/// 'literal' / 'container' / 'none' when `expr` is built only from constants.
fn constant_kind(expr: &Expression<'_>) -> Option<Kind> {
    match expr.without_parentheses() {
        Expression::NullLiteral(_) => Some(Kind::None),
        Expression::Identifier(id) if id.name == "undefined" => Some(Kind::None),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::Void => {
            constant_kind(&u.argument).map(|_| Kind::None)
        }
        Expression::Identifier(id) if id.name == "NaN" || id.name == "Infinity" => {
            Some(Kind::Literal)
        }
        Expression::NumericLiteral(_)
        | Expression::StringLiteral(_)
        | Expression::BooleanLiteral(_)
        | Expression::BigIntLiteral(_) => Some(Kind::Literal),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => Some(Kind::Literal),
        Expression::UnaryExpression(u)
            if matches!(
                u.operator,
                UnaryOperator::UnaryNegation | UnaryOperator::UnaryPlus | UnaryOperator::LogicalNot
            ) =>
        {
            match constant_kind(&u.argument) {
                Some(Kind::Literal) => Some(Kind::Literal),
                _ => None,
            }
        }
        Expression::ArrayExpression(a) => {
            let all = a.elements.iter().all(|e| match e {
                ArrayExpressionElement::SpreadElement(_) => false,
                ArrayExpressionElement::Elision(_) => true,
                e => e
                    .as_expression()
                    .is_some_and(|x| constant_kind(x).is_some()),
            });
            all.then_some(Kind::Container)
        }
        Expression::ObjectExpression(o) => {
            let all = o.properties.iter().all(|p| match p {
                ObjectPropertyKind::ObjectProperty(p) => {
                    p.kind == PropertyKind::Init
                        && !p.method
                        && !p.shorthand
                        && (!p.computed
                            || p.key
                                .as_expression()
                                .is_some_and(|k| constant_kind(k).is_some()))
                        && constant_kind(&p.value).is_some()
                }
                ObjectPropertyKind::SpreadProperty(_) => false,
            });
            all.then_some(Kind::Container)
        }
        _ => None,
    }
}

/// A container of constants that only echoes the function's own parameters
/// (`{ name, widgets: [] }`): nothing in it was computed. At least one constant
/// must be a real value (a `null` field marks the gap openly).
fn echo_container(expr: &Expression<'_>, params: &HashSet<String>) -> bool {
    let mut echoed = false;
    let mut real = false;
    let mut check = |e: &Expression<'_>| -> bool {
        match constant_kind(e) {
            Some(Kind::None) => true,
            Some(_) => {
                real = true;
                true
            }
            None => match e.without_parentheses() {
                Expression::Identifier(id) if params.contains(id.name.as_str()) => {
                    echoed = true;
                    true
                }
                _ => false,
            },
        }
    };
    let ok = match expr.without_parentheses() {
        Expression::ObjectExpression(o) => o.properties.iter().all(|p| match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                p.kind == PropertyKind::Init && !p.method && !p.computed && check(&p.value)
            }
            ObjectPropertyKind::SpreadProperty(_) => false,
        }),
        Expression::ArrayExpression(a) => a
            .elements
            .iter()
            .all(|e| e.as_expression().is_some_and(&mut check)),
        _ => false,
    };
    ok && echoed && real
}

fn constant_argument(arg: &Argument<'_>) -> bool {
    arg.as_expression()
        .is_some_and(|e| constant_kind(e).is_some())
}

fn boolean_value(expr: &Expression<'_>) -> Option<bool> {
    match expr.without_parentheses() {
        Expression::BooleanLiteral(b) => Some(b.value),
        _ => None,
    }
}

/// `a.b.c` as names, or None for anything else.
fn dotted(expr: &Expression<'_>) -> Option<Vec<String>> {
    match expr.without_parentheses() {
        Expression::Identifier(id) => Some(vec![id.name.to_string()]),
        Expression::StaticMemberExpression(m) => {
            let mut names = dotted(&m.object)?;
            names.push(m.property.name.to_string());
            Some(names)
        }
        _ => None,
    }
}

fn is_hook_callee(callee: &Expression<'_>, hook: &str) -> bool {
    dotted(callee).is_some_and(|n| n.first().is_some_and(|f| f == hook))
}

fn is_hook_call(expr: &Expression<'_>, hook: &str) -> bool {
    matches!(expr, Expression::CallExpression(c) if is_hook_callee(&c.callee, hook))
}

fn is_exit_call(expr: &Expression<'_>) -> bool {
    matches!(expr.without_parentheses(), Expression::CallExpression(c)
        if dotted(&c.callee).is_some_and(|n| n.len() >= 2 && n.last().is_some_and(|l| EXITING.contains(&l.as_str()))))
}

fn is_promise_reject(expr: &Expression<'_>) -> bool {
    matches!(expr.without_parentheses(), Expression::CallExpression(c)
        if dotted(&c.callee).is_some_and(|n| n == ["Promise", "reject"]))
}

/// The guarded code leaves the loop on success (`return`, or an unlabeled `break`
/// not inside a nested loop), so the handler around it is a retry.
fn leaves_loop(body: &[Statement<'_>]) -> bool {
    jumps_out(body, false)
}

/// A `finally` body that returns, or breaks or continues out of itself.
fn discards(body: &[Statement<'_>]) -> bool {
    jumps_out(body, true)
}

/// `body` has a `return`, or a `break` not inside a nested loop or `switch`
/// (with `finally_like`: also a labelled `break` and a `continue`, which leave a
/// `finally` just as well). Nested functions and classes are not looked into.
fn jumps_out(body: &[Statement<'_>], finally_like: bool) -> bool {
    struct Finder {
        found: bool,
        nested: u32,
        finally_like: bool,
    }
    impl<'a> Visit<'a> for Finder {
        fn visit_statement(&mut self, it: &Statement<'a>) {
            match it {
                Statement::ReturnStatement(_) => self.found = true,
                Statement::BreakStatement(b)
                    if self.nested == 0 && (self.finally_like || b.label.is_none()) =>
                {
                    self.found = true
                }
                Statement::ContinueStatement(_) if self.nested == 0 && self.finally_like => {
                    self.found = true
                }
                _ => {}
            }
            let nested = breakable(it);
            self.nested += u32::from(nested);
            walk::walk_statement(self, it);
            self.nested -= u32::from(nested);
        }
        fn visit_function(&mut self, _: &Function<'a>, _: oxc::semantic::ScopeFlags) {}
        fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
        fn visit_class(&mut self, _: &Class<'a>) {}
    }
    let mut f = Finder {
        found: false,
        nested: 0,
        finally_like,
    };
    for s in body {
        f.visit_statement(s);
    }
    f.found
}

/// A loop statement.
fn is_loop(it: &Statement<'_>) -> bool {
    matches!(
        it,
        Statement::ForStatement(_)
            | Statement::ForInStatement(_)
            | Statement::ForOfStatement(_)
            | Statement::WhileStatement(_)
            | Statement::DoWhileStatement(_)
    )
}

/// A statement an unlabelled `break` inside it leaves: a loop or a `switch`.
fn breakable(it: &Statement<'_>) -> bool {
    is_loop(it) || matches!(it, Statement::SwitchStatement(_))
}

#[cfg(test)]
#[path = "instrument_tests.rs"]
mod tests;
