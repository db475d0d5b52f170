//! What a handler's value is made of: a placeholder (a literal, a container of
//! literals, a constant-argument constructor, a random value, NaN, a module
//! constant or a fixed entry of one) or a value computed from the data.

use super::Rewriter;
use super::shapes::{Kind, constant_argument, constant_kind, dotted, echo_container};
use oxc::ast::ast::*;

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

/// Members of `Number` that are a made-up number (NaN and infinities).
const NAN: &[&[&str]] = &[
    &["Number", "NaN"],
    &["Number", "POSITIVE_INFINITY"],
    &["Number", "NEGATIVE_INFINITY"],
];

impl<'a> Rewriter<'a, '_> {
    /// The kind of placeholder `expr` is, or None when it is computed from data.
    pub(super) fn placeholder(&self, expr: &Expression<'a>) -> Option<Kind> {
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
                if self.copies_constants(&name, c) {
                    return Some(Kind::Constant);
                }
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
            // `{ ...DEFAULTS, source: "defaults" }`
            Expression::ObjectExpression(o) => {
                let spreads = o.properties.iter().any(|p| {
                    matches!(p, ObjectPropertyKind::SpreadProperty(s) if self.fixed_read(&s.argument))
                });
                let rest_constant = o.properties.iter().all(|p| match p {
                    ObjectPropertyKind::SpreadProperty(s) => self.fixed_read(&s.argument),
                    ObjectPropertyKind::ObjectProperty(p) => {
                        !p.computed && !p.method && constant_kind(&p.value).is_some()
                    }
                });
                (spreads && rest_constant).then_some(Kind::Constant)
            }
            Expression::BinaryExpression(b) => {
                // `Math.random() * 1000`: arithmetic on a random value and constants
                let (l, r) = (self.placeholder(&b.left), self.placeholder(&b.right));
                let random = l == Some(Kind::Random) || r == Some(Kind::Random);
                let constant = |k: Option<Kind>| matches!(k, Some(Kind::Literal | Kind::Random));
                (random && constant(l) && constant(r)).then_some(Kind::Random)
            }
            Expression::StaticMemberExpression(_)
                if dotted(expr).is_some_and(|n| NAN.iter().any(|x| n == *x)) =>
            {
                Some(Kind::Literal)
            }
            // `DEFAULTS.timeout`, `Status.Unknown` of an enum, `RATES[RATES.length - 1].rate`
            e @ (Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::Identifier(_)) => self.fixed_read(e).then_some(Kind::Constant),
            _ => None,
        }
    }

    /// A call that makes a copy of constants: `Object.assign({}, DEFAULTS)`,
    /// `structuredClone(DEFAULTS)`, or
    /// a call of a top-level function that only returns a constant
    /// (`defaultSettings()`), with constant arguments.
    fn copies_constants(&self, name: &[String], call: &CallExpression<'a>) -> bool {
        let constant_or_fixed = |a: &Argument<'a>| {
            constant_argument(a) || a.as_expression().is_some_and(|e| self.fixed_read(e))
        };
        if name == ["structuredClone"] {
            return call.arguments.len() == 1
                && call.arguments[0]
                    .as_expression()
                    .is_some_and(|e| self.fixed_read(e));
        }
        if name == ["Object", "assign"] {
            return call.arguments.len() >= 2
                && call.arguments.iter().all(constant_or_fixed)
                && call.arguments.iter().any(|a| {
                    a.as_expression().is_some_and(|e| {
                        !matches!(e.without_parentheses(), Expression::ObjectExpression(_))
                            && self.fixed_read(e)
                    })
                });
        }
        let [only] = name else {
            return false;
        };
        let param = self
            .scopes
            .last()
            .is_some_and(|s| s.params.contains(only.as_str()));
        !param
            && self.constant_functions.contains(only.as_str())
            && call.arguments.iter().all(constant_argument)
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

    /// A module constant (or enum) or a fixed entry of one: a member, or an
    /// element at a constant position or at `length - N` of the same container.
    fn fixed_read(&self, expr: &Expression<'a>) -> bool {
        match expr.without_parentheses() {
            Expression::Identifier(id) => {
                let name = id.name.as_str();
                let param = self.scopes.last().is_some_and(|s| s.params.contains(name));
                !param && (self.module_constants.contains(name) || self.enums.contains(name))
            }
            Expression::StaticMemberExpression(m) => self.fixed_read(&m.object),
            Expression::ComputedMemberExpression(m) => {
                let position = match m.expression.without_parentheses() {
                    Expression::BinaryExpression(b) => {
                        b.operator == BinaryOperator::Subtraction
                            && matches!(
                                b.right.without_parentheses(),
                                Expression::NumericLiteral(_)
                            )
                            && matches!(b.left.without_parentheses(), Expression::StaticMemberExpression(l)
                                if l.property.name == "length"
                                    && super::lookups::path(&l.object).is_some()
                                    && super::lookups::path(&l.object) == super::lookups::path(&m.object))
                    }
                    key => matches!(constant_kind(key), Some(Kind::Literal)),
                };
                position && self.fixed_read(&m.object)
            }
            _ => false,
        }
    }
}
