//! Read-only analyses of expressions and statements that the instrumenter
//! asks about: what a placeholder is made of, which names a function reads,
//! its constant `return`s, and where control leaves a block.

use super::super::spans::Returns;
use super::EXITING;
use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, walk};
use oxc::span::GetSpan;
use std::collections::{HashMap, HashSet};

/// What a placeholder is made of, or why it is none.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    Literal,
    Container,
    None,
    Constructor,
    Random,
    Constant,
    /// The container the guarded code looked up, read under another key.
    Substitute,
}

impl Kind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Kind::Literal => "literal",
            Kind::Container => "container",
            Kind::None => "none",
            Kind::Constructor => "constructor",
            Kind::Random => "random",
            Kind::Constant => "constant",
            Kind::Substitute => "substitute",
        }
    }
}

/// The names a binding pattern binds (`e`, or `message` and `code` of `{ message, code }`).
pub(super) fn bound_names(pattern: &BindingPattern<'_>) -> Vec<String> {
    pattern
        .get_binding_identifiers()
        .iter()
        .map(|id| id.name.to_string())
        .collect()
}

pub(super) fn first_param_names(params: &FormalParameters<'_>) -> Vec<String> {
    params
        .items
        .first()
        .map(|p| bound_names(&p.pattern))
        .unwrap_or_default()
}

/// Counts identifier references and plain `=` stores.
#[derive(Default)]
pub(super) struct LoadCounter {
    pub(super) refs: HashMap<String, u32>,
    pub(super) stores: HashMap<String, u32>,
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
    pub(super) fn loads(self) -> HashSet<String> {
        let stores = self.stores;
        self.refs
            .into_iter()
            .filter(|(name, n)| *n > stores.get(name).copied().unwrap_or(0))
            .map(|(name, _)| name)
            .collect()
    }
}

/// Names read in a function body, including in nested functions.
pub(super) fn loads_of(body: &FunctionBody<'_>) -> HashSet<String> {
    let mut c = LoadCounter::default();
    c.visit_function_body(body);
    c.loads()
}

pub(super) fn loads_of_expression(expr: &Expression<'_>) -> HashSet<String> {
    let mut c = LoadCounter::default();
    c.visit_expression(expr);
    c.loads()
}

pub(super) fn params_of(params: &FormalParameters<'_>) -> HashSet<String> {
    params
        .items
        .iter()
        .filter_map(|p| p.pattern.get_identifier_name().map(|n| n.to_string()))
        .collect()
}

/// `return <constant>` statements of a function outside its handlers (not in
/// nested functions), by the value's text.
pub(super) fn returns_of(body: &FunctionBody<'_>, src: &str) -> Returns {
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
pub(super) fn enum_names(program: &Program<'_>) -> HashSet<String> {
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
pub(super) fn module_constants(program: &Program<'_>) -> HashSet<String> {
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

/// Top-level functions that only return a constant: `function defaults() {
/// return { theme: "light" }; }`, `const fallback = () => 0;`, a function that
/// returns one of `module_constants` (a call of one with constant arguments is
/// that constant).
pub(super) fn constant_functions(
    program: &Program<'_>,
    module_constants: &HashSet<String>,
) -> HashSet<String> {
    let constant = |v: &Expression<'_>| match v.without_parentheses() {
        Expression::Identifier(id) => module_constants.contains(id.name.as_str()),
        v => matches!(constant_kind(v), Some(Kind::Literal | Kind::Container)),
    };
    let returns_constant = |body: &FunctionBody<'_>| match body.statements.as_slice() {
        [Statement::ReturnStatement(r)] => r.argument.as_ref().is_some_and(constant),
        _ => false,
    };
    let mut names = HashSet::new();
    for stmt in &program.body {
        let decl = match stmt {
            Statement::ExportDeclaration(e) => &e.declaration,
            stmt => match stmt.as_declaration() {
                Some(decl) => decl,
                None => continue,
            },
        };
        match decl {
            Declaration::FunctionDeclaration(f) => {
                if let (Some(id), Some(body)) = (&f.id, &f.body)
                    && !f.generator
                    && !f.r#async
                    && returns_constant(body)
                {
                    names.insert(id.name.to_string());
                }
            }
            Declaration::VariableDeclaration(d) => {
                constant_arrows(d, &returns_constant, &constant, &mut names)
            }
            _ => {}
        }
    }
    names
}

/// The `const NAME = () => <constant>` of `decl` whose body `returns_constant`.
fn constant_arrows(
    decl: &VariableDeclaration<'_>,
    returns_constant: &dyn Fn(&FunctionBody<'_>) -> bool,
    constant: &dyn Fn(&Expression<'_>) -> bool,
    names: &mut HashSet<String>,
) {
    if decl.kind != VariableDeclarationKind::Const {
        return;
    }
    for d in &decl.declarations {
        let (Some(name), Some(init)) = (d.id.get_identifier_name(), &d.init) else {
            continue;
        };
        let returns = match init.without_parentheses() {
            Expression::ArrowFunctionExpression(a) => {
                !a.r#async
                    && match &a.body {
                        ArrowFunctionBody::FunctionBody(body) => returns_constant(body),
                        body => body.as_expression().is_some_and(constant),
                    }
            }
            Expression::FunctionExpression(f) => {
                !f.generator && !f.r#async && f.body.as_ref().is_some_and(|b| returns_constant(b))
            }
            _ => false,
        };
        if returns {
            names.insert(name.to_string());
        }
    }
}

/// 'literal' / 'container' / 'none' when `expr` is built only from constants.
pub(super) fn constant_kind(expr: &Expression<'_>) -> Option<Kind> {
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
pub(super) fn echo_container(expr: &Expression<'_>, params: &HashSet<String>) -> bool {
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

pub(super) fn constant_argument(arg: &Argument<'_>) -> bool {
    arg.as_expression()
        .is_some_and(|e| constant_kind(e).is_some())
}

pub(super) fn boolean_value(expr: &Expression<'_>) -> Option<bool> {
    match expr.without_parentheses() {
        Expression::BooleanLiteral(b) => Some(b.value),
        _ => None,
    }
}

/// `a.b.c` as names, or None for anything else.
pub(super) fn dotted(expr: &Expression<'_>) -> Option<Vec<String>> {
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

pub(super) fn is_hook_callee(callee: &Expression<'_>, hook: &str) -> bool {
    dotted(callee).is_some_and(|n| n.first().is_some_and(|f| f == hook))
}

pub(super) fn is_hook_call(expr: &Expression<'_>, hook: &str) -> bool {
    matches!(expr, Expression::CallExpression(c) if is_hook_callee(&c.callee, hook))
}

pub(super) fn is_exit_call(expr: &Expression<'_>) -> bool {
    matches!(expr.without_parentheses(), Expression::CallExpression(c)
        if dotted(&c.callee).is_some_and(|n| n.len() >= 2 && n.last().is_some_and(|l| EXITING.contains(&l.as_str()))))
}

pub(super) fn is_promise_reject(expr: &Expression<'_>) -> bool {
    matches!(expr.without_parentheses(), Expression::CallExpression(c)
        if dotted(&c.callee).is_some_and(|n| n == ["Promise", "reject"]))
}

/// The guarded code leaves the loop on success (`return`, or an unlabeled `break`
/// not inside a nested loop), so the handler around it is a retry.
pub(super) fn leaves_loop(body: &[Statement<'_>]) -> bool {
    jumps_out(body, false)
}

/// A `finally` body that returns, or breaks or continues out of itself.
pub(super) fn discards(body: &[Statement<'_>]) -> bool {
    jumps_out(body, true)
}

/// `body` has a `return`, or a `break` not inside a nested loop or `switch`
/// (with `finally_like`: also a labelled `break` and a `continue`, which leave a
/// `finally` just as well). Nested functions and classes are not looked into.
pub(super) fn jumps_out(body: &[Statement<'_>], finally_like: bool) -> bool {
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
pub(super) fn is_loop(it: &Statement<'_>) -> bool {
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
pub(super) fn breakable(it: &Statement<'_>) -> bool {
    is_loop(it) || matches!(it, Statement::SwitchStatement(_))
}

/// The source text of `span` without whitespace: what two expressions are
/// compared by (`totals[ k ]` is `totals[k]`).
pub(super) fn squashed(src: &str, span: oxc::span::Span) -> String {
    src.get(span.start as usize..span.end as usize)
        .unwrap_or("")
        .split_whitespace()
        .collect()
}
