//! Handlers whose exception is the expected outcome rather than a failure,
//! as `candor_static.py` recognises them for Python: an expected-exception
//! test, an optional `require`, a cleanup call with nothing to clean, and a
//! "no result" that every caller tests. A handler of one of these patterns
//! says so in its `idiom` fact, and the host's rules leave it alone.
//!
//! JavaScript's `catch` has no type: what it catches is narrowed, if at all,
//! by a first statement that re-throws the rest (`if (!(e instanceof
//! RangeError)) throw e;`), which stands for Python's `except RangeError:`.
//! An expected-exception test whose catch takes everything and whose failure
//! statement is inside the `try` would catch its own failure: that handler
//! gets no idiom, and the guest tells its firings apart at run time (see
//! `Idiom::CheckedAtRunTime`).

use super::shapes::dotted;
use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, walk};
use std::collections::{HashMap, HashSet};

/// Exception names that catch (almost) everything: no narrowing.
const BROAD: &[&str] = &["Error", "AssertionError"];
/// Error codes of a cleanup or process call with nothing left to do.
const CLEANUP_CODES: &[&str] = &["ENOENT", "ESRCH"];
/// Removal and process calls.
const CLEANUP_CALLS: &[&str] = &[
    "unlink",
    "unlinkSync",
    "rm",
    "rmSync",
    "rmdir",
    "rmdirSync",
    "kill",
    "terminate",
];

/// The deliberate pattern a handler belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Idiom {
    /// A hand-written test that fails when no exception comes.
    ExpectedException,
    /// A fallback for a module that cannot be loaded.
    OptionalImport,
    /// Removing a file or ending a process that is already gone.
    Cleanup,
    /// A "no result" every caller tests before using it.
    CheckedNone,
    /// An expected-exception test whose catch-all also catches the test's own
    /// failure statement: no idiom in the facts; the guest reports the firing
    /// after that statement ran as a swallow, and the others as expected.
    CheckedAtRunTime,
}

impl Idiom {
    /// The `idiom` of the handler fact.
    pub(super) fn fact(self) -> Option<&'static str> {
        match self {
            Idiom::ExpectedException => Some("expected_exception"),
            Idiom::OptionalImport => Some("optional_import"),
            Idiom::Cleanup => Some("cleanup"),
            Idiom::CheckedNone => Some("checked_none"),
            Idiom::CheckedAtRunTime => None,
        }
    }
}

/// The statement after a `try`, as the idioms see it.
#[derive(Clone, Debug, Default)]
pub(super) struct Next {
    /// It fails a test (`throw new Error(...)`, `fail(...)`).
    pub(super) fails: bool,
    /// It is `if (!flag) <test failure>`: the flag's name.
    pub(super) flag: Option<String>,
}

impl Next {
    pub(super) fn of(stmt: &Statement<'_>) -> Self {
        let flag = match stmt {
            Statement::IfStatement(i)
                if i.alternate.is_none() && is_failure_block(&i.consequent) =>
            {
                unset_flag(&i.test)
            }
            _ => None,
        };
        Next {
            fails: is_test_failure(stmt),
            flag,
        }
    }
}

/// What the idioms need to know about one `catch`.
pub(super) struct Handler<'h, 'a> {
    /// What the narrowing statement lets in (empty: everything).
    pub(super) catches: &'h [String],
    /// The body after the narrowing statement.
    pub(super) body: &'h [Statement<'a>],
    /// The guarded block's statements.
    pub(super) guarded: &'h [Statement<'a>],
    /// The body only passes, continues, breaks or returns nothing.
    pub(super) drops: bool,
    pub(super) next: Option<&'h Next>,
    /// The enclosing function's name, if it is a named function.
    pub(super) function: Option<&'h str>,
}

/// The pattern `h` belongs to, if any.
pub(super) fn idiom(h: &Handler<'_, '_>, checked: &HashSet<String>) -> Option<Idiom> {
    let names: Vec<&str> = h
        .catches
        .iter()
        .map(|c| c.rsplit('.').next().unwrap_or(c))
        .collect();
    let broad = names.is_empty() || names.iter().any(|n| BROAD.contains(n));
    if quiet(h.body) {
        // `try { op(); throw new Error("…"); } catch (e) { <narrowing> }`: the
        // operation under test, then the failure (not `if (r) return r; throw …`)
        let tested = match h.guarded {
            [.., op, failure] => {
                is_test_failure(failure)
                    && matches!(
                        op,
                        Statement::ExpressionStatement(_) | Statement::VariableDeclaration(_)
                    )
            }
            _ => false,
        };
        if tested {
            return Some(if broad {
                Idiom::CheckedAtRunTime
            } else {
                Idiom::ExpectedException
            });
        }
        // the helper `try { fn(); } catch { return; } throw new Error("…")`
        if h.next.is_some_and(|n| n.fails) && h.body.iter().any(is_return) {
            return Some(Idiom::ExpectedException);
        }
    }
    // `try { op(); } catch { threw = true; } if (!threw) throw new Error("…")`
    if let Some(flag) = h.next.and_then(|n| n.flag.as_deref())
        && sets_only_flag(h.body, flag)
    {
        return Some(Idiom::ExpectedException);
    }
    if !h.guarded.is_empty() && h.guarded.iter().all(is_require) {
        return Some(Idiom::OptionalImport);
    }
    let cleans = h.guarded.iter().any(calls_cleanup);
    let narrowed_to_cleanup = !names.is_empty() && names.iter().all(|n| CLEANUP_CODES.contains(n));
    if h.drops && cleans && (narrowed_to_cleanup || h.guarded.iter().all(calls_cleanup)) {
        return Some(Idiom::Cleanup);
    }
    if h.drops && h.function.is_some_and(|f| checked.contains(f)) && h.body.iter().any(is_return) {
        return Some(Idiom::CheckedNone);
    }
    None
}

/// `if (!(e instanceof A || e instanceof B)) throw e;`, `if (e.name !== "A")
/// throw e;`, `if (e.code !== "ENOENT") throw e;` as the first statement of a
/// catch body whose error is `error`: what it lets through (`A`, `B`).
pub(super) fn narrowing(body: &[Statement<'_>], error: Option<&str>) -> Vec<String> {
    let (Some(Statement::IfStatement(i)), Some(error)) = (body.first(), error) else {
        return Vec::new();
    };
    if i.alternate.is_some() || !rethrows(&i.consequent, error) {
        return Vec::new();
    }
    let mut names = Vec::new();
    if lets_in(&i.test, error, &mut names) {
        names
    } else {
        Vec::new()
    }
}

/// `test` is false exactly for the errors it names: `!(e instanceof A)`,
/// `e.name !== "A"`, `!(e instanceof A || e instanceof B)`, `!(…) && !(…)`.
fn lets_in(test: &Expression<'_>, error: &str, names: &mut Vec<String>) -> bool {
    match test.without_parentheses() {
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
            matches_error(&u.argument, error, names)
        }
        Expression::LogicalExpression(l) if l.operator == LogicalOperator::And => {
            lets_in(&l.left, error, names) && lets_in(&l.right, error, names)
        }
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::StrictInequality => {
            let is_field = |e: &Expression<'_>| {
                matches!(e.without_parentheses(), Expression::StaticMemberExpression(m)
                    if matches!(m.property.name.as_str(), "name" | "code")
                        && matches!(m.object.without_parentheses(), Expression::Identifier(id) if id.name == error))
            };
            let value = |e: &Expression<'_>| match e.without_parentheses() {
                Expression::StringLiteral(s) => Some(s.value.to_string()),
                _ => None,
            };
            let name = if is_field(&b.left) {
                value(&b.right)
            } else if is_field(&b.right) {
                value(&b.left)
            } else {
                None
            };
            name.map(|n| names.push(n)).is_some()
        }
        _ => false,
    }
}

/// `e instanceof A`, `e instanceof A || e instanceof B`.
fn matches_error(expr: &Expression<'_>, error: &str, names: &mut Vec<String>) -> bool {
    match expr.without_parentheses() {
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::Instanceof => {
            let subject = matches!(b.left.without_parentheses(), Expression::Identifier(id) if id.name == error);
            match dotted(&b.right) {
                Some(name) if subject => {
                    names.push(name.join("."));
                    true
                }
                _ => false,
            }
        }
        Expression::LogicalExpression(l) if l.operator == LogicalOperator::Or => {
            matches_error(&l.left, error, names) && matches_error(&l.right, error, names)
        }
        _ => false,
    }
}

/// `throw e;` or `{ throw e; }`.
fn rethrows(stmt: &Statement<'_>, error: &str) -> bool {
    match stmt {
        Statement::ThrowStatement(t) => {
            matches!(t.argument.without_parentheses(), Expression::Identifier(id) if id.name == error)
        }
        Statement::BlockStatement(b) => b.body.len() == 1 && rethrows(&b.body[0], error),
        _ => false,
    }
}

/// The body of an expected-exception handler: empty, `;`, a bare `return`, a string.
fn quiet(body: &[Statement<'_>]) -> bool {
    body.iter().all(|s| match s {
        Statement::EmptyStatement(_) => true,
        Statement::ReturnStatement(r) => r.argument.as_ref().is_none_or(
            |a| matches!(a.without_parentheses(), Expression::Identifier(id) if id.name == "undefined"),
        ),
        Statement::ExpressionStatement(e) => {
            matches!(e.expression.without_parentheses(), Expression::StringLiteral(_))
        }
        _ => false,
    })
}

fn is_return(stmt: &Statement<'_>) -> bool {
    matches!(stmt, Statement::ReturnStatement(_))
}

/// `throw new Error(…)` (any `…Error`), `fail(…)`, `assert.fail(…)`,
/// `assert(false)`, `assert.ok(false)`: the statement that makes a
/// hand-written test fail when no exception came.
pub(super) fn is_test_failure(stmt: &Statement<'_>) -> bool {
    match stmt {
        Statement::ThrowStatement(t) => {
            let callee = match t.argument.without_parentheses() {
                Expression::NewExpression(n) => &n.callee,
                Expression::CallExpression(c) => &c.callee,
                _ => return false,
            };
            dotted(callee).is_some_and(|n| n.last().is_some_and(|l| l.ends_with("Error")))
        }
        Statement::ExpressionStatement(e) => match e.expression.without_parentheses() {
            Expression::CallExpression(c) => {
                let Some(name) = dotted(&c.callee) else {
                    return false;
                };
                let last = name.last().map(String::as_str).unwrap_or("");
                let asserts = name == ["assert"] || name == ["assert", "ok"];
                let falsy = c.arguments.first().and_then(Argument::as_expression).is_some_and(
                    |a| matches!(a.without_parentheses(), Expression::BooleanLiteral(b) if !b.value),
                );
                last == "fail" || (asserts && falsy)
            }
            _ => false,
        },
        _ => false,
    }
}

fn is_failure_block(stmt: &Statement<'_>) -> bool {
    match stmt {
        Statement::BlockStatement(b) => b.body.len() == 1 && is_test_failure(&b.body[0]),
        s => is_test_failure(s),
    }
}

/// `!flag` or `flag === false`: the flag's name.
fn unset_flag(test: &Expression<'_>) -> Option<String> {
    let name = |e: &Expression<'_>| match e.without_parentheses() {
        Expression::Identifier(id) => Some(id.name.to_string()),
        _ => None,
    };
    match test.without_parentheses() {
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
            name(&u.argument)
        }
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::StrictEquality => {
            matches!(b.right.without_parentheses(), Expression::BooleanLiteral(f) if !f.value)
                .then(|| name(&b.left))
                .flatten()
        }
        _ => None,
    }
}

/// The body sets `flag = true` and does nothing else (but pass).
fn sets_only_flag(body: &[Statement<'_>], flag: &str) -> bool {
    let mut sets = false;
    for stmt in body {
        match stmt {
            Statement::EmptyStatement(_) => {}
            Statement::ExpressionStatement(e) => match e.expression.without_parentheses() {
                Expression::AssignmentExpression(a)
                    if a.operator == AssignmentOperator::Assign
                        && matches!(&a.left, AssignmentTarget::AssignmentTargetIdentifier(id) if id.name == flag)
                        && matches!(a.right.without_parentheses(), Expression::BooleanLiteral(b) if b.value) =>
                {
                    sets = true;
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    sets
}

/// `require("m")` or `import("m")`, possibly awaited or with a member read.
fn is_module_load(expr: &Expression<'_>) -> bool {
    match expr.without_parentheses() {
        Expression::CallExpression(c) => {
            matches!(&c.callee, Expression::Identifier(id) if id.name == "require")
                && c.arguments.len() == 1
        }
        Expression::ImportExpression(_) => true,
        Expression::AwaitExpression(a) => is_module_load(&a.argument),
        Expression::StaticMemberExpression(m) => is_module_load(&m.object),
        _ => false,
    }
}

/// `const m = require("m");`, `m = require("m");`, `require("m");`.
fn is_require(stmt: &Statement<'_>) -> bool {
    match stmt {
        Statement::VariableDeclaration(d) => d
            .declarations
            .iter()
            .all(|d| d.init.as_ref().is_some_and(is_module_load)),
        Statement::ExpressionStatement(e) => match e.expression.without_parentheses() {
            Expression::AssignmentExpression(a) => is_module_load(&a.right),
            other => is_module_load(other),
        },
        _ => false,
    }
}

/// The statement calls a removal or process call (`fs.unlinkSync(p)`, `process.kill(pid)`).
fn calls_cleanup(stmt: &Statement<'_>) -> bool {
    #[derive(Default)]
    struct Finder(bool);
    impl<'a> Visit<'a> for Finder {
        fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
            if let Some(name) = it
                .callee
                .as_member_expression()
                .and_then(|m| m.static_property_name())
            {
                self.0 |= CLEANUP_CALLS.contains(&name);
            }
            walk::walk_call_expression(self, it);
        }
        fn visit_function(&mut self, _: &Function<'a>, _: oxc::semantic::ScopeFlags) {}
        fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
    }
    let mut f = Finder::default();
    f.visit_statement(stmt);
    f.0
}

/// Names of the functions whose every call's result is tested for no result
/// (`if (x === null)`, `if (!x)`) in the statement after the one that
/// assigns it, or is compared with `null`/`undefined` where it is made.
pub(super) fn checked_results(program: &Program<'_>) -> HashSet<String> {
    #[derive(Default)]
    struct Counter {
        /// name -> (calls, checked calls)
        calls: HashMap<String, (u32, u32)>,
    }
    impl Counter {
        fn checked(&mut self, name: String) {
            self.calls.entry(name).or_default().1 += 1;
        }
    }
    impl<'a> Visit<'a> for Counter {
        fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
            if let Expression::Identifier(id) = &it.callee {
                self.calls.entry(id.name.to_string()).or_default().0 += 1;
            }
            walk::walk_call_expression(self, it);
        }
        fn visit_statements(&mut self, it: &oxc::allocator::Vec<'a, Statement<'a>>) {
            for (stmt, after) in it.iter().zip(it.iter().skip(1)) {
                if let Some((function, variable)) = assigned_call(stmt) {
                    let test = match after {
                        Statement::IfStatement(i) => Some(&i.test),
                        Statement::WhileStatement(w) => Some(&w.test),
                        _ => None,
                    };
                    if test.is_some_and(|t| tests_none(t, Some(&variable))) {
                        self.checked(function);
                    }
                }
            }
            walk::walk_statements(self, it);
        }
        fn visit_binary_expression(&mut self, it: &BinaryExpression<'a>) {
            if tests_none_binary(it, None)
                && let Some(f) = [&it.left, &it.right].into_iter().find_map(|e| called(e))
            {
                self.checked(f);
            }
            walk::walk_binary_expression(self, it);
        }
        fn visit_unary_expression(&mut self, it: &UnaryExpression<'a>) {
            if it.operator == UnaryOperator::LogicalNot
                && let Some(f) = called(&it.argument)
            {
                self.checked(f);
            }
            walk::walk_unary_expression(self, it);
        }
    }
    let mut counter = Counter::default();
    counter.visit_program(program);
    counter
        .calls
        .into_iter()
        .filter(|(_, (calls, checked))| *calls > 0 && checked == calls)
        .map(|(name, _)| name)
        .collect()
}

/// `f(…)` or `await f(…)` with a plain name: the name.
fn called(expr: &Expression<'_>) -> Option<String> {
    match expr.without_parentheses() {
        Expression::CallExpression(c) => match &c.callee {
            Expression::Identifier(id) => Some(id.name.to_string()),
            _ => None,
        },
        Expression::AwaitExpression(a) => called(&a.argument),
        _ => None,
    }
}

/// `const x = f(…);` or `x = f(…);`: (f, x).
fn assigned_call(stmt: &Statement<'_>) -> Option<(String, String)> {
    match stmt {
        Statement::VariableDeclaration(d) if d.declarations.len() == 1 => {
            let d = &d.declarations[0];
            Some((
                called(d.init.as_ref()?)?,
                d.id.get_identifier_name()?.to_string(),
            ))
        }
        Statement::ExpressionStatement(e) => match e.expression.without_parentheses() {
            Expression::AssignmentExpression(a) if a.operator == AssignmentOperator::Assign => {
                match &a.left {
                    AssignmentTarget::AssignmentTargetIdentifier(id) => {
                        Some((called(&a.right)?, id.name.to_string()))
                    }
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    }
}

fn is_name(expr: &Expression<'_>, name: &str) -> bool {
    matches!(expr.without_parentheses(), Expression::Identifier(id) if id.name == name)
}

fn is_nothing(expr: &Expression<'_>) -> bool {
    match expr.without_parentheses() {
        Expression::NullLiteral(_) => true,
        Expression::Identifier(id) => id.name == "undefined",
        Expression::UnaryExpression(u) => u.operator == UnaryOperator::Void,
        _ => false,
    }
}

/// `test` checks `name` (with None: the compared expression itself) for no
/// result: `!x`, `x`, `x === null`, `x == undefined`, `x !== null`, `typeof x === "undefined"`.
fn tests_none(test: &Expression<'_>, name: Option<&str>) -> bool {
    let subject = |e: &Expression<'_>| name.is_none_or(|n| is_name(e, n));
    match test.without_parentheses() {
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
            subject(&u.argument)
        }
        Expression::BinaryExpression(b) => tests_none_binary(b, name),
        e => name.is_some() && subject(e),
    }
}

fn tests_none_binary(b: &BinaryExpression<'_>, name: Option<&str>) -> bool {
    let subject = |e: &Expression<'_>| name.is_none_or(|n| is_name(e, n));
    let equality = matches!(
        b.operator,
        BinaryOperator::StrictEquality
            | BinaryOperator::StrictInequality
            | BinaryOperator::Equality
            | BinaryOperator::Inequality
    );
    if !equality {
        return false;
    }
    let typeof_undefined = |l: &Expression<'_>, r: &Expression<'_>| {
        matches!(l.without_parentheses(), Expression::UnaryExpression(u)
            if u.operator == UnaryOperator::Typeof && subject(&u.argument))
            && matches!(r.without_parentheses(), Expression::StringLiteral(s) if s.value == "undefined")
    };
    (subject(&b.left) && is_nothing(&b.right))
        || (subject(&b.right) && is_nothing(&b.left))
        || typeof_undefined(&b.left, &b.right)
        || typeof_undefined(&b.right, &b.left)
}
