//! What a handler body does: the values it returns, yields or assigns, and
//! whether it re-raises, surfaces the error or computes a replacement.

use super::shapes::{dotted, is_hook_callee};
use super::{EXITING, RECORDING, SURFACING};
use oxc::ast::ast::*;
use oxc::ast_visit::{Visit, VisitMut, walk};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Via {
    Return,
    Yield,
    Assign,
}

/// Returned, yielded and assigned values of a handler body, not inside nested
/// functions or nested handlers: (slot, how, the assigned variable).
pub(super) struct ValueFinder<'a> {
    pub(super) found: Vec<(*mut Expression<'a>, Via, Option<String>)>,
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
pub(super) struct BodyFacts<'e> {
    /// The names the handler binds the error to (several for `catch ({ message, code })`).
    pub(super) errors: &'e [String],
    /// The hook's name: its calls are the rewrite's, not the handler's.
    pub(super) hook: &'e str,
    pub(super) surfaces: bool,
    pub(super) raises: bool,
    pub(super) assigns_computed: bool,
    /// Depth of nested functions around the node being visited.
    pub(super) nested: u32,
}

impl<'e> BodyFacts<'e> {
    pub(super) fn new(errors: &'e [String], hook: &'e str) -> Self {
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
