//! Placeholder sites: the values a handler hands on (returned, yielded,
//! assigned, stored, pushed or added) and those a function returns after one
//! of its handlers swallowed, each wrapped in `__candor.value(...)` when it
//! is a placeholder or a substituted lookup.

use super::super::spans::SpanSet;
use super::body::{ValueFinder, Via, accumulates_constant, fills_results};
use super::lookups::Guarded;
use super::shapes::{Kind, boolean_value, constant_kind, is_hook_call, squashed};
use super::{Rewriter, Scope};
use oxc::allocator::TakeIn;
use oxc::ast::ast::*;
use oxc::ast_visit::VisitMut;
use oxc::span::{GetSpan, Span};
use serde_json::json;

impl<'a> Rewriter<'a, '_> {
    /// A value handler `hid` hands on: a site when it is a placeholder or a
    /// substituted lookup, else a recovery.
    pub(super) fn value(
        &mut self,
        hid: u32,
        expr: &mut Expression<'a>,
        via: Via,
        guarded: &Guarded,
    ) {
        if is_hook_call(expr, self.hook) {
            return;
        }
        if let Some((container, wanted)) = guarded.substitute(expr, self.src) {
            let sid = self.new_site(Some(hid), expr.span(), via.as_str(), Kind::Substitute);
            self.sites[sid as usize]["wanted"] = self.text(wanted).into();
            self.wrap_value(expr, sid, &hid.to_string(), Some(&container));
            return;
        }
        let Some(kind) = self.placeholder(expr) else {
            self.handlers[hid as usize].recovers = true;
            return;
        };
        if kind == Kind::None {
            return;
        }
        if via == Via::Return && self.is_failure_value(expr, guarded.span) {
            self.handlers[hid as usize].failure_value = true;
            return;
        }
        let sid = self.new_site(Some(hid), expr.span(), via.as_str(), kind);
        self.wrap_value(expr, sid, &hid.to_string(), None);
    }

    /// `HOOK.value(SID, HANDLER, <expr>[, CONTAINER])` in place of `expr`;
    /// `handler` is the handler's id or the variable that holds it.
    pub(super) fn wrap_value(
        &self,
        expr: &mut Expression<'a>,
        sid: u32,
        handler: &str,
        container: Option<&str>,
    ) {
        let hook = self.hook;
        let extra = container.map_or(String::new(), |c| format!(", {c}"));
        let mut call = self.expression(format!("{hook}.value({sid}, {handler}, 0{extra})"));
        if let Expression::CallExpression(c) = &mut call {
            c.arguments[2] = Argument::from(expr.take_in(&self.alloc));
        }
        *expr = call;
    }

    pub(super) fn new_site(&mut self, hid: Option<u32>, span: Span, via: &str, kind: Kind) -> u32 {
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
    pub(super) fn is_failure_value(&self, expr: &Expression<'a>, guarded: Span) -> bool {
        let Some(scope) = self.scopes.last() else {
            return false;
        };
        let own = expr.span();
        scope.returns.other_return_of(&self.text(own), own, guarded)
            || boolean_value(expr).is_some_and(|b| scope.returns.returns_boolean(!b))
    }

    /// Classifies the placeholders of a handler body and wraps its sites.
    pub(super) fn handler_values(
        &mut self,
        hid: u32,
        body: &mut oxc::allocator::Vec<'a, Statement<'a>>,
        guarded: &Guarded,
    ) {
        let mut finder = ValueFinder::new(self.src);
        for stmt in body.iter_mut() {
            finder.visit_statement(stmt);
        }
        for found in finder.found {
            // SAFETY: the pointers were taken from `body` just above, which is not
            // moved nor otherwise touched until this loop ends; each points at a
            // distinct expression slot, none inside another.
            let expr: &mut Expression<'a> = unsafe { &mut *found.slot };
            match found.via {
                Via::Assign => {
                    // a placeholder only when a variable it goes to is read elsewhere
                    let read = self
                        .scopes
                        .last()
                        .is_some_and(|s| found.names.iter().any(|n| s.loads.contains(n)));
                    if read {
                        self.value(hid, expr, Via::Assign, guarded);
                    }
                }
                Via::Store => self.store(hid, expr, &found.target, guarded),
                Via::Append if fills_results(&found.target, expr, guarded) => {
                    // `values.push(0)` where the guarded code pushes the real value
                    let kind = constant_kind(expr).unwrap_or(Kind::Literal);
                    let sid = self.new_site(Some(hid), expr.span(), "append", kind);
                    self.wrap_value(expr, sid, &hid.to_string(), None);
                }
                Via::Accumulate if accumulates_constant(&found.target, expr, guarded) => {
                    // `total += 0`: a constant added in place of the real amount
                    let sid = self.new_site(Some(hid), expr.span(), "accumulate", Kind::Literal);
                    self.wrap_value(expr, sid, &hid.to_string(), None);
                }
                Via::Append | Via::Accumulate => {}
                via @ (Via::Return | Via::Yield) => self.value(hid, expr, via, guarded),
            }
        }
    }

    /// `target = value` in handler `hid`, `target` a member: a placeholder
    /// stored where the guarded code stores the real value (`totals[k] = 0`) is
    /// a site; filling in the entry the guarded code read through, or storing a
    /// computed value, is a recovery.
    pub(super) fn store(
        &mut self,
        hid: u32,
        expr: &mut Expression<'a>,
        target: &str,
        guarded: &Guarded,
    ) {
        if guarded.reads_through(target) {
            // `counts[w].n += 1` / `catch { counts[w] = { n: 1 } }`
            self.handlers[hid as usize].recovers = true;
            return;
        }
        let value = squashed(self.src, expr.span());
        if guarded.stores_other(target, &value) {
            self.value(hid, expr, Via::Store, guarded);
        } else if guarded.substitute(expr, self.src).is_none() && self.placeholder(expr).is_none() {
            self.handlers[hid as usize].recovers = true;
        }
    }

    /// Placeholders returned by a function after one of its handlers swallowed:
    /// `return []` once a `catch` dropped the error is a made-up result too.
    pub(super) fn after_swallow(&mut self, mut scope: Scope, body: &mut FunctionBody<'a>) {
        if !scope.swallowing {
            return;
        }
        // only a `return` after a `try` whose success leaves the function is a fallback
        let fallback_after = scope.fallback_after;
        let mut finder = ValueFinder::new(self.src);
        for stmt in body.statements.iter_mut() {
            finder.visit_statement(stmt);
        }
        let guarded = SpanSet::new(std::mem::take(&mut scope.guarded));
        self.scopes.push(scope);
        for found in finder.found {
            // SAFETY: as in `handler_values`: pointers into `body`, used one at a time.
            let expr: &mut Expression<'a> = unsafe { &mut *found.slot };
            if found.via != Via::Return || is_hook_call(expr, self.hook) {
                continue;
            }
            let span = expr.span();
            let scope = self.scopes.last().expect("pushed above");
            if guarded.contains(span) || fallback_after.is_none_or(|end| span.start < end) {
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
