//! What a handler body does: the values it hands on (returns, yields, assigns,
//! stores, appends or adds), and whether it re-raises, surfaces the error or
//! computes a replacement.

use super::lookups::Guarded;
use super::shapes::{Kind, constant_kind, dotted, is_hook_callee, squashed};
use super::{EXITING, RECORDING, SURFACING};
use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, VisitMut, walk, walk_mut};
use oxc::span::GetSpan;
use std::collections::HashSet;

/// How a handler hands a value on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Via {
    Return,
    Yield,
    /// `x = value`, `[a, b] = value`.
    Assign,
    /// `obj.key = value`, `totals[k] = value`.
    Store,
    /// `values.push(value)`, `map.set(k, value)`.
    Append,
    /// `total += value`.
    Accumulate,
}

impl Via {
    /// The `via` of a site fact.
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Via::Return => "return",
            Via::Yield => "yield",
            Via::Assign => "assign",
            Via::Store => "store",
            Via::Append => "append",
            Via::Accumulate => "accumulate",
        }
    }
}

/// A value slot of a handler body and what receives it.
pub(super) struct Found<'a> {
    pub(super) slot: *mut Expression<'a>,
    pub(super) via: Via,
    /// For `Assign`: the variables assigned (several for a destructuring pattern).
    pub(super) names: Vec<String>,
    /// For `Store` and `Accumulate`, the target (`totals[category]`); for
    /// `Append`, the method called (`steps.push`); as source text without whitespace.
    pub(super) target: String,
}

/// The value slots of a handler body, not inside nested functions or nested handlers.
pub(super) struct ValueFinder<'a, 's> {
    pub(super) src: &'s str,
    pub(super) found: Vec<Found<'a>>,
}

impl<'a, 's> ValueFinder<'a, 's> {
    pub(super) fn new(src: &'s str) -> Self {
        ValueFinder {
            src,
            found: Vec::new(),
        }
    }

    fn push(&mut self, slot: &mut Expression<'a>, via: Via, names: Vec<String>, target: String) {
        self.found.push(Found {
            slot: slot as *mut _,
            via,
            names,
            target,
        });
    }
}

/// The variables a destructuring pattern assigns.
fn pattern_names(target: &AssignmentTarget<'_>) -> Vec<String> {
    #[derive(Default)]
    struct Names(Vec<String>);
    impl<'a> Visit<'a> for Names {
        fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
            self.0.push(it.name.to_string());
        }
        fn visit_expression(&mut self, _: &Expression<'a>) {}
    }
    let mut names = Names::default();
    names.visit_assignment_target(target);
    names.0
}

impl<'a> VisitMut<'a> for ValueFinder<'a, '_> {
    fn visit_return_statement(&mut self, it: &mut ReturnStatement<'a>) {
        if let Some(arg) = it.argument.as_mut() {
            self.push(arg, Via::Return, Vec::new(), String::new());
        }
    }
    fn visit_yield_expression(&mut self, it: &mut YieldExpression<'a>) {
        if let Some(arg) = it.argument.as_mut()
            && !it.delegate
        {
            self.push(arg, Via::Yield, Vec::new(), String::new());
        }
    }
    fn visit_assignment_expression(&mut self, it: &mut AssignmentExpression<'a>) {
        let target = squashed(self.src, it.left.span());
        if it.operator.is_logical() {
            return;
        }
        if it.operator != AssignmentOperator::Assign {
            if it.left.as_simple_assignment_target().is_some() {
                self.push(&mut it.right, Via::Accumulate, Vec::new(), target);
            }
            return;
        }
        match &it.left {
            AssignmentTarget::AssignmentTargetIdentifier(id) => {
                let names = vec![id.name.to_string()];
                self.push(&mut it.right, Via::Assign, names, String::new());
            }
            t if t.as_member_expression().is_some() => {
                self.push(&mut it.right, Via::Store, Vec::new(), target);
            }
            t @ (AssignmentTarget::ArrayAssignmentTarget(_)
            | AssignmentTarget::ObjectAssignmentTarget(_)) => {
                // `[price, qty] = [0, 0]`: a placeholder like a single `x = 0`
                let names = pattern_names(t);
                self.push(&mut it.right, Via::Assign, names, String::new());
            }
            _ => {}
        }
    }
    fn visit_call_expression(&mut self, it: &mut CallExpression<'a>) {
        let method = it
            .callee
            .as_member_expression()
            .and_then(|m| Some((m.object().span(), m.static_property_name()?)));
        let value = match (method, it.arguments.len()) {
            (Some((_, name)), 1) if RECORDING.contains(&name) => Some(0),
            (Some((_, "set")), 2) => Some(1),
            _ => None,
        };
        if let (Some((owner, name)), Some(i)) = (method, value)
            && let Some(arg) = it.arguments[i].as_expression_mut()
        {
            let target = format!("{}.{name}", squashed(self.src, owner));
            self.push(arg, Via::Append, Vec::new(), target);
            return;
        }
        walk_mut::walk_call_expression(self, it);
    }
    fn visit_function(&mut self, _: &mut Function<'a>, _: oxc::semantic::ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &mut ArrowFunctionExpression<'a>) {}
    fn visit_class(&mut self, _: &mut Class<'a>) {}
    fn visit_catch_clause(&mut self, _: &mut CatchClause<'a>) {}
    fn visit_with_statement(&mut self, _: &mut WithStatement<'a>) {}
}

/// A constant put into the results where the guarded code puts the real
/// value: `values.push(0)` where it calls `values.push(…)`.
pub(super) fn fills_results(method: &str, value: &Expression<'_>, guarded: &Guarded) -> bool {
    matches!(constant_kind(value), Some(Kind::Literal | Kind::Container)) && guarded.calls(method)
}

/// `total += 0`, or a constant added to what the guarded code adds to
/// (`total += price` / `catch { total += 5 }`).
pub(super) fn accumulates_constant(
    target: &str,
    value: &Expression<'_>,
    guarded: &Guarded,
) -> bool {
    if constant_kind(value) != Some(Kind::Literal) {
        return false;
    }
    let zero =
        matches!(value.without_parentheses(), Expression::NumericLiteral(n) if n.value == 0.0);
    zero || guarded.accumulates(target)
}

/// Names and property names the snippet reads somewhere (not only assigns or
/// increments): a counter of failures that is read later surfaces them.
#[derive(Default)]
pub(super) struct Reads {
    names: HashSet<String>,
    properties: HashSet<String>,
}

impl Reads {
    pub(super) fn of(program: &Program<'_>) -> Self {
        let mut reads = Reads::default();
        reads.visit_program(program);
        reads
    }

    /// The counter `target` (a name, a property) is read somewhere.
    fn counter_is_read(&self, target: &SimpleAssignmentTarget<'_>) -> bool {
        match target {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => {
                self.names.contains(id.name.as_str())
            }
            SimpleAssignmentTarget::StaticMemberExpression(m) => {
                self.properties.contains(m.property.name.as_str())
            }
            _ => true,
        }
    }

    fn target_parts<'a>(&mut self, target: &SimpleAssignmentTarget<'a>) {
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
}

impl<'a> Visit<'a> for Reads {
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.names.insert(it.name.to_string());
    }
    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        self.properties.insert(it.property.name.to_string());
        walk::walk_static_member_expression(self, it);
    }
    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        match it.left.as_simple_assignment_target() {
            Some(simple) => self.target_parts(simple),
            None => self.visit_assignment_target(&it.left),
        }
        self.visit_expression(&it.right);
    }
    fn visit_update_expression(&mut self, it: &UpdateExpression<'a>) {
        self.target_parts(&it.argument);
    }
}

/// What a handler body does with the error. Inside nested functions only a
/// use of the error counts (a callback that logs or passes on the captured
/// error surfaces it); their calls, throws and assignments are not the handler's.
pub(super) struct BodyFacts<'e> {
    /// The names the handler binds the error to (several for `catch ({ message, code })`).
    errors: &'e [String],
    /// The hook's name: its calls are the rewrite's, not the handler's.
    hook: &'e str,
    src: &'e str,
    guarded: &'e Guarded,
    reads: &'e Reads,
    pub(super) surfaces: bool,
    pub(super) raises: bool,
    /// It loads a module (a fallback import).
    pub(super) imports: bool,
    /// Depth of nested functions around the node being visited.
    nested: u32,
}

impl<'e> BodyFacts<'e> {
    pub(super) fn new(
        errors: &'e [String],
        hook: &'e str,
        src: &'e str,
        guarded: &'e Guarded,
        reads: &'e Reads,
    ) -> Self {
        BodyFacts {
            errors,
            hook,
            src,
            guarded,
            reads,
            surfaces: false,
            raises: false,
            imports: false,
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
    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        self.imports |= self.nested == 0;
        walk::walk_import_expression(self, it);
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
            let records = name.len() >= 2 && RECORDING.contains(&last) && !self.fills_results(it);
            if SURFACING.contains(&last) || writes || records {
                // logged, printed or collected for later
                self.surfaces = true;
            } else if EXITING.contains(&last) && name.len() >= 2 {
                self.raises = true;
            } else if last == "reject" {
                // a promise executor's reject(...) passes the failure on
                self.surfaces = true;
            } else if name == ["require"] {
                self.imports = true;
            }
        }
        walk::walk_call_expression(self, it);
    }
    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if it.operator != AssignmentOperator::Assign && self.nested == 0 {
            let target = squashed(self.src, it.left.span());
            let counted = match it.left.as_simple_assignment_target() {
                _ if it.operator.is_logical() => true,
                // `total += 0.0`: a constant added in place of the real amount
                _ if accumulates_constant(&target, &it.right, self.guarded) => false,
                // a counter of failures that the snippet reports later
                Some(simple) => self.reads.counter_is_read(simple),
                None => true,
            };
            self.surfaces |= counted;
        }
        walk::walk_assignment_expression(self, it);
    }
    fn visit_update_expression(&mut self, it: &UpdateExpression<'a>) {
        if self.nested == 0 && self.reads.counter_is_read(&it.argument) {
            self.surfaces = true;
        }
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

impl BodyFacts<'_> {
    /// `values.push(0)` where the guarded code calls `values.push(…)`: no record of the failure.
    fn fills_results(&self, call: &CallExpression<'_>) -> bool {
        let Some(member) = call.callee.as_member_expression() else {
            return false;
        };
        let (Some(name), [arg]) = (member.static_property_name(), &call.arguments[..]) else {
            return false;
        };
        let method = format!("{}.{name}", squashed(self.src, member.object().span()));
        arg.as_expression()
            .is_some_and(|v| fills_results(&method, v, self.guarded))
    }
}
