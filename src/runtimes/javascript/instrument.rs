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
//!   A substituted lookup (the container the guarded code looked up, read
//!   under another key) passes the container too, `__candor.value(SITE, ID,
//!   expr, container)`, and a constant pushed, stored or added where the
//!   guarded code puts the real value is a placeholder as well;
//! - an expected-exception test whose `catch` takes everything starts with
//!   `__candor.expected(ID, e)` instead, and its failure statement is preceded
//!   by `__candor.failing(ID)`: only the firing after that statement is a swallow;
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

use super::spans::Returns;
use body::{BodyFacts, Reads};
use idioms::{Idiom, Next};
use lookups::Guarded;
use markers::{SuccessMarker, mark_throws};
use oxc::allocator::{Allocator, TakeIn};
use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, VisitMut, walk, walk_mut};
use oxc::codegen::{Codegen, CodegenOptions};
use oxc::parser::Parser;
use oxc::semantic::SemanticBuilder;
use oxc::span::{SPAN, SourceType, Span};
use oxc::transformer::{TransformOptions, Transformer};
use serde_json::json;
use shapes::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
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

/// [`compile_within`] with no deadline and no memory bound.
#[cfg(test)]
pub(crate) fn compile(
    source: &str,
    file_name: &str,
    typescript: bool,
    detect: bool,
    hook: &str,
) -> Result<Instrumented, SyntaxError> {
    let budget = Budget {
        cancelled: &|| false,
        memory: u64::MAX,
    };
    compile_within(source, file_name, typescript, detect, hook, None, &budget).map_err(
        |e| match e {
            Stopped::Syntax(error) => error,
            other => unreachable!("an unbounded compilation stopped: {other:?}"),
        },
    )
}

/// What a compilation may spend; it checks between its phases.
pub(crate) struct Budget<'b> {
    /// Whether the run it is for is over (its deadline passed).
    pub(crate) cancelled: &'b (dyn Fn() -> bool + Sync),
    /// The host memory it may hold, in bytes.
    pub(crate) memory: u64,
}

/// Why a compilation ended without a program.
#[derive(Debug)]
pub(crate) enum Stopped {
    /// The snippet does not parse (or breaks a rule of the language the parser
    /// leaves to a later check, such as `#x in o` outside a class).
    Syntax(SyntaxError),
    /// The run it was for is over.
    Cancelled,
    /// It held more host memory than its budget: this many bytes.
    Memory(u64),
}

/// Parses `source` as TypeScript (`typescript`) or JavaScript, checks the
/// rules the parser leaves out, strips its types, and instruments it when
/// `detect` is set, calling the hook object `hook`; without it the program is
/// the user's own (types stripped), with no probes and no facts
/// (`--no-detect` runs at full speed). `file_name` only says whether the
/// snippet is an ES module or CommonJS (see [`source_type`]) and names it in
/// the position map. Between its phases it stops when `budget` says the run
/// is over or the memory it holds is over. With `explore` (and `detect`),
/// the program ends with the calls a probe run makes of the snippet's
/// functions: at most that many, none started after the budget in
/// milliseconds when there is one (see [`explore`](super::explore)).
pub(crate) fn compile_within(
    source: &str,
    file_name: &str,
    typescript: bool,
    detect: bool,
    hook: &str,
    explore: Option<(u32, Option<u64>)>,
    budget: &Budget<'_>,
) -> Result<Instrumented, Stopped> {
    let lines = LineIndex::new(source);
    let source_type = source_type(file_name, typescript);
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if let Some(error) = parsed.diagnostics.errors().next() {
        return Err(Stopped::Syntax(syntax_error(error, &lines)));
    }
    let mut program = parsed.program;
    let within = |held: usize| {
        if (budget.cancelled)() {
            Err(Stopped::Cancelled)
        } else if held as u64 > budget.memory {
            Err(Stopped::Memory(held as u64))
        } else {
            Ok(())
        }
    };
    within(allocator.used_bytes())?;
    let module = program.source_type.is_module() || has_top_level_await(&program);
    // enums are compiled to plain objects below: their names are taken first
    let enums = enum_names(&program);
    // the functions a probe calls, listed before types are stripped: the
    // arguments of their first calls are the user's own text
    let explored = match explore {
        Some(explore) if detect => Some((explore, super::explore::targets(&program, source))),
        _ => None,
    };

    // the early errors the parser leaves out (a private name outside its
    // class, a duplicate binding, ...), at their position in the user's source
    let semantic = SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(&program);
    if let Some(error) = semantic.diagnostics.errors().next() {
        return Err(Stopped::Syntax(syntax_error(error, &lines)));
    }
    within(allocator.used_bytes())?;
    if source_type.is_typescript() {
        let scoping = semantic.semantic.into_scoping();
        let options = TransformOptions::default();
        let stripped = Transformer::new(&allocator, Path::new(file_name), &options)
            .build_with_scoping(scoping, &mut program);
        if let Some(error) = stripped.diagnostics.errors().next() {
            return Err(Stopped::Syntax(syntax_error(error, &lines)));
        }
        within(allocator.used_bytes())?;
    } else {
        drop(semantic);
    }

    let module_constants = module_constants(&program);
    let mut rewriter = Rewriter {
        alloc: &allocator,
        hook,
        src: source,
        lines: &lines,
        handlers: Vec::new(),
        sites: Vec::new(),
        scopes: Vec::new(),
        constant_functions: constant_functions(&program, &module_constants),
        module_constants,
        enums,
        reads: Reads::of(&program),
        checked: idioms::checked_results(&program),
        nexts: HashMap::new(),
    };
    if detect {
        rewriter.visit_program(&mut program);
        // a site fact is a few hundred bytes, a handler's a few more
        within(allocator.used_bytes() + (rewriter.sites.len() + rewriter.handlers.len()) * 400)?;
    }

    let options = CodegenOptions {
        source_map_path: Some(Path::new(file_name).to_path_buf()),
        ..CodegenOptions::default()
    };
    let generated = Codegen::new()
        .with_options(options)
        .with_source_text(source)
        .build(&program);
    within(allocator.used_bytes() + generated.code.len())?;
    let mut line_map = String::new();
    if let Some(map) = &generated.map {
        // the code generator adds mappings as it writes, in generated order:
        // a position mapped twice is mapped twice in a row
        let mut last = None;
        for token in map.get_tokens() {
            let key = (token.get_dst_line(), token.get_dst_col());
            if last != Some(key) {
                last = Some(key);
                let _ = writeln!(
                    line_map,
                    "{} {} {} {}",
                    key.0 + 1,
                    key.1 + 1,
                    token.get_src_line() + 1,
                    token.get_src_col() + 1
                );
            }
        }
    }
    let mut facts: Vec<String> = rewriter
        .handlers
        .iter()
        .map(|h| h.fact().to_string())
        .collect();
    facts.extend(rewriter.sites.iter().map(|s| s.to_string()));
    let mut code = generated.code;
    if let Some((explore, targets)) = explored
        && !targets.is_empty()
    {
        // after the snippet's last line: no position of it moves
        code.push_str(&super::explore::registration(hook, explore, &targets));
    }
    Ok(Instrumented {
        code,
        module,
        facts,
        line_map,
    })
}

/// How oxc parses a snippet: TypeScript or JavaScript as its language says
/// (never from the file name), as an ES module for `.mjs`/`.mts`, as CommonJS
/// for `.cjs`/`.cts`, and otherwise as a module only when it has `import` or
/// `export` (the rest are scripts, as node runs a `.js` file).
pub(crate) fn source_type(file_name: &str, typescript: bool) -> SourceType {
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

/// A diagnostic at its position: the last of its labels, which is where a
/// diagnostic with several (a redeclaration, an unclosed bracket) found the
/// problem, after where it began.
fn syntax_error(error: &oxc::diagnostics::OxcDiagnostic, lines: &LineIndex) -> SyntaxError {
    let offset = error.labels.iter().map(|l| l.offset()).max().unwrap_or(0);
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
pub(crate) struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub(crate) fn new(source: &str) -> Self {
        let mut starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    pub(crate) fn position(&self, offset: u32) -> (u32, u32) {
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
    /// What the narrowing first statement lets in (`if (!(e instanceof X)) throw e;`).
    catches: Vec<String>,
    idiom: Option<&'static str>,
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
            "catches": self.catches,
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
            "idiom": self.idiom,
        })
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
    /// Where the first `try` of this function whose block leaves the function
    /// on success (`try { return fetch(); }`) and whose handler may swallow
    /// ends: a `return` after it runs only once the handler fired. A `return`
    /// the success path reaches too is the function's own result.
    fallback_after: Option<u32>,
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
            fallback_after: None,
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
    /// Top-level functions that only return a constant.
    constant_functions: HashSet<String>,
    /// TypeScript `enum` names of the program's top level.
    enums: HashSet<String>,
    /// What the program reads (for counters of failures).
    reads: Reads,
    /// Functions whose every caller tests the result for no result.
    checked: HashSet<String>,
    /// The statement after each `try` (by the try's start), for the idioms.
    nexts: HashMap<u32, Next>,
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
            catches: Vec::new(),
            idiom: None,
        });
        id
    }

    /// Fills in what `body` does, for handler `hid` whose error is bound to
    /// `errors`; `guarded` is what the code the handler guards does.
    fn classify(&mut self, hid: u32, body: &[Statement<'a>], errors: &[String], guarded: &Guarded) {
        let mut body_facts = BodyFacts::new(errors, self.hook, self.src, guarded, &self.reads);
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
        // a fallback module loaded in the handler is a recovery
        h.recovers |= body_facts.imports;
        h.drops = drops;
    }

    // -- rewriting ---------------------------------------------------------------------------

    /// Instruments the handler of a `try` whose block is `guarded_body`, which
    /// does what `guarded` says; `next` is the statement after the `try`.
    /// Returns the handler's id, and whether its firings are told apart at run
    /// time (see [`Idiom::CheckedAtRunTime`]).
    fn rewrite_catch(
        &mut self,
        clause: &mut CatchClause<'a>,
        guarded_body: &[Statement<'a>],
        guarded: &Guarded,
        next: Option<&Next>,
        retry: bool,
    ) -> (u32, bool) {
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
        // `if (!(e instanceof RangeError)) throw e;` first: the handler of a
        // RangeError, whose body is the rest
        let catches = idioms::narrowing(&clause.body.body, name.as_deref());
        let body = &clause.body.body[usize::from(!catches.is_empty())..];
        self.classify(hid, body, &names, guarded);
        let idiom = {
            let function = self
                .scopes
                .last()
                .and_then(|s| s.name.as_deref())
                .filter(|n| *n != "<anonymous>");
            let handler = idioms::Handler {
                catches: &catches,
                body,
                guarded: guarded_body,
                drops: self.handlers[hid as usize].drops,
                next,
                function,
            };
            idioms::idiom(&handler, &self.checked)
        };
        let at_run_time = idiom == Some(Idiom::CheckedAtRunTime);
        {
            let h = &mut self.handlers[hid as usize];
            h.catches = catches;
            h.idiom = idiom.and_then(Idiom::fact);
        }
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
                if leaves(guarded_body) {
                    let end = clause.span.end;
                    scope.fallback_after = Some(scope.fallback_after.map_or(end, |e| e.min(end)));
                }
            }
            format!("{hook}_h = {hid}; ")
        } else {
            String::new()
        };
        let probe = if at_run_time { "expected" } else { "caught" };
        let probe = self.statement(format!("{{ {hook}.{probe}({hid}, {error_ref}); {mark}}}"));
        if let Statement::BlockStatement(mut b) = probe {
            let stmts = b.body.take_in(&self.alloc);
            for (at, s) in stmts.into_iter().chain(destructure).enumerate() {
                clause.body.body.insert(at, s);
            }
        }
        (hid, at_run_time)
    }
}

impl<'a> VisitMut<'a> for Rewriter<'a, '_> {
    fn visit_statements(&mut self, it: &mut oxc::allocator::Vec<'a, Statement<'a>>) {
        // what follows each `try`, as written, for the idioms
        for (stmt, after) in it.iter().zip(it.iter().skip(1)) {
            if let Statement::TryStatement(t) = stmt {
                self.nexts.insert(t.span.start, Next::of(after));
            }
        }
        walk_mut::walk_statements(self, it);
    }

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
        let facts = Guarded::of(&t.block, self.src);
        let next = self.nexts.get(&t.span.start).cloned();
        let TryStatement { block, handler, .. } = &mut **t;
        let caught = handler
            .as_mut()
            .map(|h| self.rewrite_catch(h, &block.body, &facts, next.as_ref(), retry));
        if let Some((hid, true)) = caught {
            // the statement that fails the test: the firing after it is no expected one
            let at = block.body.len().saturating_sub(1);
            let probe = self.statement(format!("{}.failing({hid});", self.hook));
            block.body.insert(at, probe);
        }
        let hid = caught.map(|(hid, _)| hid);
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

// -- small read-only analyses ------------------------------------------------------------

/// Clears every span of a template, so that it maps to nothing.
struct ClearSpans;

impl<'a> VisitMut<'a> for ClearSpans {
    fn visit_span(&mut self, it: &mut Span) {
        *it = SPAN;
    }
}

#[path = "body.rs"]
mod body;
#[path = "idioms.rs"]
mod idioms;
#[path = "lookups.rs"]
mod lookups;
#[path = "markers.rs"]
mod markers;
#[path = "placeholders.rs"]
mod placeholders;
#[path = "promises.rs"]
mod promises;
#[path = "shapes.rs"]
mod shapes;
#[path = "sites.rs"]
mod sites;

#[cfg(test)]
#[path = "placeholder_tests.rs"]
mod placeholder_tests;
#[cfg(test)]
#[path = "instrument_tests.rs"]
mod tests;

/// Whether `body` ends by leaving the function: a `return` or a `throw`, also
/// at the end of both branches of an `if` or of a block.
fn leaves(body: &[Statement<'_>]) -> bool {
    match body.last() {
        Some(Statement::ReturnStatement(_) | Statement::ThrowStatement(_)) => true,
        Some(Statement::IfStatement(s)) => {
            leaves(std::slice::from_ref(&s.consequent))
                && s.alternate
                    .as_ref()
                    .is_some_and(|a| leaves(std::slice::from_ref(a)))
        }
        Some(Statement::BlockStatement(b)) => leaves(&b.body),
        _ => false,
    }
}
