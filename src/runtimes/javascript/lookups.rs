//! What the guarded code of a `try` does that a handler may stand in for: the
//! containers it looks up (for substituted lookups), the methods it calls and
//! the targets it stores into or adds to (for placeholders put into the
//! results). The code is read as written, not inside nested functions.
//!
//! A substituted lookup is the handler reading the container the guarded code
//! looked up, under another key or position: `row[keys[keys.length - 1]]` or
//! `Object.values(row).at(-1)` after `row.revenue2025` or
//! `column(row, "score2025")`. A key computed from the failed one
//! (`headers[name.toLowerCase()]` after `headers[name]`) looks for the same
//! thing and is no substitute.

use super::SURFACING;
use super::shapes::{constant_kind, dotted, squashed};
use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, walk};
use oxc::span::{GetSpan, Span};
use std::collections::HashSet;

/// A key or position a container is read under.
#[derive(Debug)]
pub(super) struct Key {
    /// Its source text without whitespace (`.name` for `row.name`).
    text: String,
    /// The string or number it is, when it is a literal (`revenue2025` for `row.revenue2025`).
    literal: Option<String>,
    /// The variables it is computed from.
    names: HashSet<String>,
}

impl Key {
    fn of(expr: &Expression<'_>, src: &str) -> Self {
        let literal = match expr.without_parentheses() {
            Expression::StringLiteral(s) => Some(s.value.to_string()),
            Expression::NumericLiteral(n) => Some(n.value.to_string()),
            Expression::TemplateLiteral(t) if t.expressions.is_empty() => {
                t.quasis.first().map(|q| q.value.raw.to_string())
            }
            _ => None,
        };
        let mut names = Names::default();
        names.visit_expression(expr);
        Key {
            text: squashed(src, expr.span()),
            literal,
            names: names.0,
        }
    }

    fn named(name: &str) -> Self {
        Key {
            text: format!(".{name}"),
            literal: Some(name.to_string()),
            names: HashSet::new(),
        }
    }

    fn same(&self, other: &Key) -> bool {
        self.text == other.text || (self.literal.is_some() && self.literal == other.literal)
    }
}

/// Identifiers referenced in an expression.
#[derive(Default)]
struct Names(HashSet<String>);

impl<'a> Visit<'a> for Names {
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.0.insert(it.name.to_string());
    }
}

/// One lookup of the guarded code.
#[derive(Debug)]
struct Read {
    /// The container, as a path (`row`, `this.rows`).
    container: String,
    key: Key,
    /// The lookup's span (`row.revenue2025`, `column(row, "score2025")`).
    span: Span,
}

/// What a handler's guarded code does, for the handler's placeholders.
#[derive(Debug, Default)]
pub(super) struct Guarded {
    /// The guarded block (empty for a promise handler, which guards no block here).
    pub(super) span: Span,
    reads: Vec<Read>,
    /// `owner.method` of each method call (`steps.push`).
    calls: HashSet<String>,
    /// Targets of compound assignments (`total`, `this.sum`).
    accumulates: HashSet<String>,
    /// Targets of plain stores, with the stored value (`totals[category]`).
    stores: Vec<(String, String)>,
    /// Entries the code reads through (`counts[w]` of `counts[w].n += 1`): a
    /// handler that stores into one fills in what was missing.
    through: HashSet<String>,
}

impl Guarded {
    /// The facts of the guarded `block` of source `src`.
    pub(super) fn of(block: &BlockStatement<'_>, src: &str) -> Self {
        let mut finder = Finder {
            src,
            found: Guarded {
                span: block.span,
                ..Guarded::default()
            },
        };
        for stmt in &block.body {
            finder.visit_statement(stmt);
        }
        finder.found
    }

    /// The guarded code calls `owner.method` (`steps.push` where the handler pushes a constant).
    pub(super) fn calls(&self, method: &str) -> bool {
        !method.starts_with('.') && self.calls.contains(method)
    }

    /// The guarded code adds to (or otherwise updates) `target`.
    pub(super) fn accumulates(&self, target: &str) -> bool {
        !target.is_empty() && self.accumulates.contains(target)
    }

    /// The guarded code stores into `target` something other than `value`:
    /// a handler storing `value` there stands in for what it stores.
    pub(super) fn stores_other(&self, target: &str, value: &str) -> bool {
        !target.is_empty() && self.stores.iter().any(|(t, v)| t == target && v != value)
    }

    /// The guarded code reads through `entry`: storing into it fills it in.
    pub(super) fn reads_through(&self, entry: &str) -> bool {
        !entry.is_empty() && self.through.contains(entry)
    }

    /// When `value` (a handler's value) reads the container the guarded code
    /// looked up under another key or position: the container's path and the
    /// span of the lookup that failed.
    pub(super) fn substitute(&self, value: &Expression<'_>, src: &str) -> Option<(String, Span)> {
        let (container, key) = read_of(value)?;
        let key = Key::of(key, src);
        self.reads
            .iter()
            .find(|r| {
                r.container == container && !r.key.same(&key) && r.key.names.is_disjoint(&key.names)
            })
            .map(|r| (container, r.span))
    }
}

/// `a`, `a.b.c`, `this.a.b`: a container that can be read again (not `undefined`).
pub(super) fn path(expr: &Expression<'_>) -> Option<String> {
    match expr.without_parentheses() {
        Expression::Identifier(id) if id.name != "undefined" => Some(id.name.to_string()),
        Expression::ThisExpression(_) => Some("this".to_string()),
        Expression::StaticMemberExpression(m) if !m.optional => {
            Some(format!("{}.{}", path(&m.object)?, m.property.name))
        }
        _ => None,
    }
}

/// (container, key) when a handler's `value` reads a container: `C[k]`,
/// `C.at(k)`, `C.get(k)`, and the same of `Object.values(C)`, `Array.from(C)`
/// or `[...C]`.
fn read_of<'e, 'a>(value: &'e Expression<'a>) -> Option<(String, &'e Expression<'a>)> {
    let (base, key) = match value.without_parentheses() {
        Expression::ComputedMemberExpression(m) => (&m.object, &m.expression),
        Expression::CallExpression(c) => {
            let member = c.callee.as_member_expression()?;
            let method = member.static_property_name()?;
            if !matches!(method, "at" | "get") || c.arguments.len() != 1 {
                return None;
            }
            (member.object(), c.arguments[0].as_expression()?)
        }
        _ => return None,
    };
    if let Some(container) = path(base) {
        return Some((container, key));
    }
    // `Object.values(C)`, `Array.from(C)`, `Array.from(C.values())`, `[...C]`
    let inner = match base.without_parentheses() {
        Expression::CallExpression(c) if c.arguments.len() == 1 => {
            let name = dotted(&c.callee)?;
            if name != ["Object", "values"] && name != ["Array", "from"] {
                return None;
            }
            c.arguments[0].as_expression()?
        }
        Expression::ArrayExpression(a) if a.elements.len() == 1 => match &a.elements[0] {
            ArrayExpressionElement::SpreadElement(s) => &s.argument,
            _ => return None,
        },
        _ => return None,
    };
    let inner = match inner.without_parentheses() {
        Expression::CallExpression(c) if c.arguments.is_empty() => {
            let member = c.callee.as_member_expression()?;
            (member.static_property_name() == Some("values")).then_some(member.object())?
        }
        other => other,
    };
    Some((path(inner)?, key))
}

/// Collects a guarded block's facts.
struct Finder<'s> {
    src: &'s str,
    found: Guarded,
}

impl Finder<'_> {
    fn read(&mut self, container: &Expression<'_>, key: Key, span: Span) {
        if let Some(container) = path(container) {
            self.found.reads.push(Read {
                container,
                key,
                span,
            });
        }
    }

    /// The parts of an assignment target that are read: a member's object and computed key.
    fn visit_target_parts<'a>(&mut self, target: &SimpleAssignmentTarget<'a>) {
        if let Some(member) = target.as_member_expression() {
            self.through(member.object());
        }
        match target {
            SimpleAssignmentTarget::ComputedMemberExpression(m) => {
                self.visit_expression(&m.object);
                self.visit_expression(&m.expression);
            }
            SimpleAssignmentTarget::StaticMemberExpression(m) => self.visit_expression(&m.object),
            SimpleAssignmentTarget::PrivateFieldExpression(m) => self.visit_expression(&m.object),
            _ => {}
        }
    }

    /// A member expression read through: its object is an entry the code relies on.
    fn through(&mut self, object: &Expression<'_>) {
        if matches!(
            object.without_parentheses(),
            Expression::ComputedMemberExpression(_) | Expression::StaticMemberExpression(_)
        ) {
            self.found.through.insert(squashed(self.src, object.span()));
        }
    }
}

impl<'a> Visit<'a> for Finder<'_> {
    fn visit_computed_member_expression(&mut self, it: &ComputedMemberExpression<'a>) {
        let key = Key::of(&it.expression, self.src);
        self.read(&it.object, key, it.span);
        self.through(&it.object);
        walk::walk_computed_member_expression(self, it);
    }

    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if it.property.name != "length" {
            self.read(&it.object, Key::named(&it.property.name), it.span);
        }
        self.through(&it.object);
        walk::walk_static_member_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Some(member) = it.callee.as_member_expression() {
            // a method call: its object is read, the method itself is no lookup
            let object = member.object();
            if let Some(method) = member.static_property_name() {
                self.found
                    .calls
                    .insert(format!("{}.{method}", squashed(self.src, object.span())));
                if matches!(method, "get" | "at")
                    && let [arg] = &it.arguments[..]
                    && let Some(key) = arg.as_expression()
                {
                    self.read(object, Key::of(key, self.src), it.span);
                }
            }
            self.through(object);
            self.visit_expression(object);
            if let Expression::ComputedMemberExpression(m) = it.callee.without_parentheses() {
                self.visit_expression(&m.expression);
            }
        } else {
            self.visit_expression(&it.callee);
        }
        self.helper_reads(it);
        self.visit_arguments(&it.arguments);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        let target = squashed(self.src, it.left.span());
        if it.operator == AssignmentOperator::Assign {
            if it.left.as_member_expression().is_some() {
                let value = squashed(self.src, it.right.span());
                self.found.stores.push((target, value));
            }
        } else {
            self.found.accumulates.insert(target);
        }
        match it.left.as_simple_assignment_target() {
            Some(simple) => self.visit_target_parts(simple),
            None => self.visit_assignment_target(&it.left),
        }
        self.visit_expression(&it.right);
    }

    fn visit_update_expression(&mut self, it: &UpdateExpression<'a>) {
        self.found
            .accumulates
            .insert(squashed(self.src, it.argument.span()));
        self.visit_target_parts(&it.argument);
    }

    fn visit_function(&mut self, _: &Function<'a>, _: oxc::semantic::ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
    fn visit_class(&mut self, _: &Class<'a>) {}
}

impl Finder<'_> {
    /// A helper called with a container and a key string (`column(row,
    /// "amount")`) looks the key up in the container.
    fn helper_reads(&mut self, call: &CallExpression<'_>) {
        if call.arguments.len() < 2 {
            return;
        }
        let logs = dotted(&call.callee)
            .is_some_and(|n| n.last().is_some_and(|l| SURFACING.contains(&l.as_str())));
        if logs {
            return;
        }
        let args: Vec<&Expression<'_>> = call
            .arguments
            .iter()
            .filter_map(Argument::as_expression)
            .collect();
        let Some(key) = args
            .iter()
            .find(|a| matches!(a.without_parentheses(), Expression::StringLiteral(_)))
        else {
            return;
        };
        for arg in &args {
            if constant_kind(arg).is_none() && path(arg).is_some() {
                let key = Key::of(key, self.src);
                self.read(arg, key, call.span);
            }
        }
    }
}
