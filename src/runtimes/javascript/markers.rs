//! Rewrites of a `try` the instrumenter already classified: where a retry
//! loop's guarded code succeeds, the `throw`s of a handler, and a `finally`
//! that may discard what was in flight.

use super::Rewriter;
use super::lookups::Guarded;
use super::shapes::breakable;
use oxc::allocator::TakeIn;
use oxc::ast::ast::*;
use oxc::ast_visit::{VisitMut, walk_mut};

/// Marks in a retry loop's guarded code where it succeeds.
pub(super) struct SuccessMarker<'r, 'a, 's> {
    pub(super) rw: &'r Rewriter<'a, 's>,
    pub(super) hid: u32,
    pub(super) loops: u32,
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
pub(super) struct DiscardMarker<'r, 'a, 's> {
    pub(super) rw: &'r Rewriter<'a, 's>,
    pub(super) hid: u32,
    pub(super) flag: String,
    pub(super) loops: u32,
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
pub(super) fn mark_throws<'a>(
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

impl<'a> Rewriter<'a, '_> {
    /// `try … finally { return … }`: the finally may discard an exception in flight.
    pub(super) fn rewrite_finally(&mut self, stmt: &mut Statement<'a>) {
        let Statement::TryStatement(t) = stmt else {
            return;
        };
        let guarded = Guarded::of(&t.block, self.src);
        let Some(finalizer) = t.finalizer.as_mut() else {
            return;
        };
        let hid = self.new_handler("finally", finalizer.span);
        self.classify(hid, &finalizer.body, &[], &guarded);
        self.handler_values(hid, &mut finalizer.body, &guarded);
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
