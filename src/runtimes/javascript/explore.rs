//! The calls a probe run makes of a snippet's functions (`candor probe`),
//! listed on the host from the snippet's syntax tree.
//!
//! A probe calls each function the snippet defines at its top level (a
//! `function` declaration, or a `const`/`let`/`var` bound to an arrow function
//! or a function expression, exported or not; not `_private` ones, not
//! generators, not class methods) with edge-case inputs, one argument at a
//! time; the other arguments are the ones the snippet's own first call of it
//! with literal arguments (or names of the module's own variables, see
//! `module_variables`) gives, else `'a'`. The host lists the functions and
//! those arguments; the guest harness (`runtimes/javascript/bootstrap.js`)
//! holds the inputs, builds each call and its label (`parsePrice('')`), and
//! makes the calls once the snippet's own run completed.
//!
//! The host tells the guest by appending one statement to the program, after
//! the snippet's last line (so no position of the snippet moves):
//! `HOOK.explore(MOST, [[name, () => name, required, [sources], () => [values]], ...], BUDGET_MS)`,
//! which reaches the functions in the snippet's own scope (a module's too).

use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, walk};
use oxc::span::GetSpan;
use std::collections::HashMap;
use std::fmt::Write as _;

/// A function a probe calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// Its name in the snippet's top-level scope.
    pub(crate) name: String,
    /// The parameters before the first that has a default, is optional or
    /// is a rest parameter.
    pub(crate) required: usize,
    /// The arguments of the snippet's first call of it whose arguments are
    /// all literals, as source; empty when there is none.
    pub(crate) given: Vec<String>,
    /// The line of its parameter list (1-based), where a finding about the
    /// function as a whole points.
    pub(crate) line: u32,
}

/// The functions of `program` (parsed from `source`) a probe calls, in the
/// order the snippet defines them.
pub(crate) fn targets(program: &Program<'_>, source: &str) -> Vec<Target> {
    let mut found: Vec<Target> = Vec::new();
    let mut add = |name: &str, params: &FormalParameters<'_>| {
        if name.starts_with('_') || found.iter().any(|t| t.name == name) {
            return;
        }
        let start = (params.span.start as usize).min(source.len());
        let line = source.as_bytes()[..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        found.push(Target {
            name: name.to_string(),
            required: required(params),
            given: Vec::new(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
        });
    };
    for statement in &program.body {
        match statement {
            Statement::FunctionDeclaration(f) => declared(f, &mut add),
            Statement::VariableDeclaration(d) => bound(d, &mut add),
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::FunctionDeclaration(f) => declared(f, &mut add),
                Declaration::VariableDeclaration(d) => bound(d, &mut add),
                _ => {}
            },
            Statement::ExportDefaultDeclaration(e) => {
                if let ExportDefaultDeclarationKind::FunctionDeclaration(f) = &e.declaration {
                    declared(f, &mut add);
                }
            }
            _ => {}
        }
    }
    let mut calls = FirstCalls {
        source,
        targets: &mut found,
        seen: Vec::new(),
        variables: module_variables(program),
        depth: 0,
    };
    calls.visit_program(program);
    found
}

/// A `function` declaration with a body (not a TypeScript overload or
/// `declare`), not a generator.
fn declared(f: &Function<'_>, add: &mut impl FnMut(&str, &FormalParameters<'_>)) {
    if let Some(id) = &f.id
        && f.body.is_some()
        && !f.generator
        && !f.declare
    {
        add(id.name.as_str(), &f.params);
    }
}

/// The names a declaration binds to an arrow function or a function expression.
fn bound(d: &VariableDeclaration<'_>, add: &mut impl FnMut(&str, &FormalParameters<'_>)) {
    if d.declare {
        return;
    }
    for declarator in &d.declarations {
        let BindingPattern::BindingIdentifier(id) = &declarator.id else {
            continue;
        };
        match declarator
            .init
            .as_ref()
            .map(Expression::without_parentheses)
        {
            Some(Expression::ArrowFunctionExpression(a)) => add(id.name.as_str(), &a.params),
            Some(Expression::FunctionExpression(f)) if !f.generator && f.body.is_some() => {
                add(id.name.as_str(), &f.params);
            }
            _ => {}
        }
    }
}

/// How many parameters a call must give.
fn required(params: &FormalParameters<'_>) -> usize {
    params
        .items
        .iter()
        .take_while(|p| {
            p.initializer.is_none()
                && !p.optional
                && !matches!(p.pattern, BindingPattern::AssignmentPattern(_))
        })
        .count()
}

/// The variables the program declares at its top level, each with whether
/// it is bound nowhere else (no parameter or local of the same name). An
/// argument that names one means the same at the top level, where the guest
/// evaluates the arguments, when the call is made at the top level too, or
/// the name is bound nowhere else.
fn module_variables(program: &Program<'_>) -> HashMap<String, bool> {
    #[derive(Default)]
    struct Bindings(HashMap<String, usize>);
    impl<'a> Visit<'a> for Bindings {
        fn visit_binding_identifier(&mut self, id: &BindingIdentifier<'a>) {
            *self.0.entry(id.name.to_string()).or_default() += 1;
        }
    }
    let mut all = Bindings::default();
    all.visit_program(program);
    let mut top = HashMap::new();
    for statement in &program.body {
        let declaration = match statement {
            Statement::VariableDeclaration(d) => d,
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::VariableDeclaration(d) => d,
                _ => continue,
            },
            _ => continue,
        };
        for declarator in &declaration.declarations {
            if let BindingPattern::BindingIdentifier(id) = &declarator.id {
                let only = all.0.get(id.name.as_str()) == Some(&1);
                top.insert(id.name.to_string(), only);
            }
        }
    }
    top
}

/// Finds each target's first call (in source order) whose arguments are all
/// literals or module variables.
struct FirstCalls<'s, 't> {
    source: &'s str,
    targets: &'t mut Vec<Target>,
    /// The targets whose call was found.
    seen: Vec<usize>,
    /// The module's variables (see `module_variables`).
    variables: HashMap<String, bool>,
    /// How many functions the visit is inside.
    depth: usize,
}

impl<'a> Visit<'a> for FirstCalls<'_, '_> {
    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        if let Expression::Identifier(callee) = call.callee.without_parentheses()
            && let Some(index) = self
                .targets
                .iter()
                .position(|t| t.name == callee.name.as_str())
            && !self.seen.contains(&index)
        {
            let args: Option<Vec<String>> = call
                .arguments
                .iter()
                .map(|arg| {
                    let expr = arg.as_expression()?;
                    let variable = matches!(expr.without_parentheses(),
                        Expression::Identifier(id) if self.variables.get(id.name.as_str())
                            .is_some_and(|only| *only || self.depth == 0));
                    (literal(expr) || variable)
                        .then(|| expr.span().source_text(self.source).to_string())
                })
                .collect();
            if let Some(args) = args {
                self.seen.push(index);
                self.targets[index].given = args;
            }
        }
        walk::walk_call_expression(self, call);
    }

    fn visit_function(&mut self, f: &Function<'a>, flags: oxc::semantic::ScopeFlags) {
        self.depth += 1;
        walk::walk_function(self, f, flags);
        self.depth -= 1;
    }

    fn visit_arrow_function_expression(&mut self, f: &ArrowFunctionExpression<'a>) {
        self.depth += 1;
        walk::walk_arrow_function_expression(self, f);
        self.depth -= 1;
    }
}

/// Whether `expr` is a literal: a string, number, bigint, boolean or null, a
/// template without substitutions, a signed number, or an array or object of
/// literals. It names nothing, so it means the same in any scope.
fn literal(expr: &Expression<'_>) -> bool {
    match expr.without_parentheses() {
        Expression::StringLiteral(_)
        | Expression::NumericLiteral(_)
        | Expression::BigIntLiteral(_)
        | Expression::BooleanLiteral(_)
        | Expression::NullLiteral(_) => true,
        Expression::TemplateLiteral(t) => t.expressions.is_empty(),
        Expression::UnaryExpression(u) => {
            matches!(
                u.operator,
                UnaryOperator::UnaryNegation | UnaryOperator::UnaryPlus
            ) && matches!(
                u.argument.without_parentheses(),
                Expression::NumericLiteral(_) | Expression::BigIntLiteral(_)
            )
        }
        Expression::ArrayExpression(a) => a
            .elements
            .iter()
            .all(|e| e.as_expression().is_some_and(literal)),
        Expression::ObjectExpression(o) => o.properties.iter().all(|p| match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                p.kind == PropertyKind::Init
                    && !p.method
                    && !p.shorthand
                    && (!p.computed || p.key.as_expression().is_some_and(literal))
                    && literal(&p.value)
            }
            ObjectPropertyKind::SpreadProperty(_) => false,
        }),
        _ => false,
    }
}

/// The statement that hands `targets` to the guest (see the module's
/// documentation): appended to the program, on lines of its own, for a
/// probe run of at most `most` calls, none started once `budget`
/// milliseconds passed since the first, through the hook called `hook`.
pub(crate) fn registration(
    hook: &str,
    (most, budget): (u32, Option<u64>),
    targets: &[Target],
) -> String {
    let quote = |s: &str| serde_json::Value::from(s).to_string();
    let mut text = format!("\n;{hook}.explore({most}, [");
    for target in targets {
        let sources: Vec<String> = target.given.iter().map(|s| quote(s)).collect();
        let values = if target.given.is_empty() {
            "null".to_string()
        } else {
            format!("() => [{}]", target.given.join(", "))
        };
        let _ = write!(
            text,
            "\n[{name}, () => {id}, {required}, [{sources}], {values}, {line}],",
            name = quote(&target.name),
            id = target.name,
            required = target.required,
            sources = sources.join(", "),
            line = target.line,
        );
    }
    match budget {
        Some(ms) => {
            let _ = write!(text, "\n], {ms});\n");
        }
        None => text.push_str("\n], null);\n"),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxc::allocator::Allocator;
    use oxc::parser::Parser;
    use oxc::span::SourceType;

    fn listed(source: &str, typescript: bool) -> Vec<Target> {
        let allocator = Allocator::default();
        let source_type = SourceType::unambiguous().with_typescript(typescript);
        let parsed = Parser::new(&allocator, source, source_type).parse();
        assert!(parsed.diagnostics.errors().next().is_none(), "{source}");
        targets(&parsed.program, source)
    }

    /// `target`, on line `line`.
    fn at(mut target: Target, line: u32) -> Target {
        target.line = line;
        target
    }

    fn target(name: &str, required: usize, given: &[&str]) -> Target {
        Target {
            name: name.to_string(),
            required,
            given: given.iter().map(|s| s.to_string()).collect(),
            line: 1,
        }
    }

    #[test]
    fn top_level_functions_and_bound_function_values_are_listed() {
        let source = "function parse(text) { return +text; }\n\
            const ratio = (a, b = 1) => a / b;\n\
            let load = function (text, ...rest) { return JSON.parse(text); };\n\
            export function shown(x) {}\n\
            export const kept = async (x, y) => x;\n\
            export default function main() {}\n\
            function _private(x) {}\n\
            function* numbers(n) {}\n\
            class Parser { parse(text) {} }\n\
            const value = 3, arrow = (x) => x;\n\
            if (true) { function inner(x) {} }\n";
        let names: Vec<(String, usize)> = listed(source, false)
            .into_iter()
            .map(|t| (t.name, t.required))
            .collect();
        let expected = [
            ("parse", 1),
            ("ratio", 1),
            ("load", 1),
            ("shown", 1),
            ("kept", 2),
            ("main", 0),
            ("arrow", 1),
        ];
        assert_eq!(names, expected.map(|(n, r)| (n.to_string(), r)), "{source}");
    }

    #[test]
    fn typescript_overloads_and_optional_parameters() {
        let source = "function pick(a: string): string;\n\
            function pick(a: string, b?: number): string { return a; }\n\
            declare function external(x: string): void;\n\
            const size = (items: string[], scale: number = 2): number => items.length * scale;\n";
        assert_eq!(
            listed(source, true),
            [at(target("pick", 1, &[]), 2), at(target("size", 1, &[]), 4)]
        );
    }

    #[test]
    fn the_first_call_with_literals_or_module_variables_gives_the_others() {
        // `run`'s `n` is its parameter, `m` no variable of the module: only
        // a top-level call may name a module variable that something else
        // binds too
        let source = "function div(a, b) { return a / b; }\n\
            const n = 2;\n\
            function run(n) { return div(n, 1); }\n\
            div(m, 3);\n\
            div(...[1, 2]);\n\
            console.log(div(6, -3), div(1, 1));\n\
            function fmt(o, list) { return ''; }\n\
            fmt({ a: 1, 'b': [null, `t`] }, [1n, +2]);\n\
            function bad(o) {}\n\
            bad({ n });\n\
            bad({ [n]: 1 });\n\
            bad(undefined);\n\
            function scale(x) { return x; }\n\
            scale(n);\n";
        assert_eq!(
            listed(source, false),
            [
                target("div", 2, &["6", "-3"]),
                at(target("run", 1, &[]), 3),
                at(
                    target("fmt", 2, &["{ a: 1, 'b': [null, `t`] }", "[1n, +2]"]),
                    7
                ),
                at(target("bad", 1, &[]), 9),
                at(target("scale", 1, &["n"]), 13),
            ]
        );
    }

    #[test]
    fn the_registration_reaches_each_function_by_name() {
        let text = registration(
            "__candor_1",
            (200, Some(5000)),
            &[target("div", 2, &["6", "'x\"'"]), target("f", 0, &[])],
        );
        assert_eq!(
            text,
            "\n;__candor_1.explore(200, [\n[\"div\", () => div, 2, [\"6\", \"'x\\\"'\"], () => [6, 'x\"'], 1],\n[\"f\", () => f, 0, [], null, 1],\n], 5000);\n"
        );
    }
}
