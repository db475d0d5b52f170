//! Promise handlers: the rejection handler of `.catch(fn)` and `.then(ok, fn)`,
//! written inline or elsewhere, and `Promise.allSettled` results nobody reads.

use super::super::spans::Returns;
use super::body::{BodyFacts, Via};
use super::lookups::Guarded;
use super::markers::mark_throws;
use super::shapes::{
    Kind, constant_kind, dotted, first_param_names, is_promise_reject, loads_of,
    loads_of_expression,
};
use super::{Reraise, Rewriter, SURFACING, Scope};
use oxc::allocator::TakeIn;
use oxc::ast::ast::*;
use oxc::ast_visit::Visit;
use oxc::span::GetSpan;
use std::collections::HashSet;

impl<'a> Rewriter<'a, '_> {
    /// `.catch(fn)` / `.then(ok, fn)`: `fn` → `__candor.handler(ID, fn)`.
    pub(super) fn rewrite_promise_handler(&mut self, arg: &mut Argument<'a>) {
        let Some(expr) = arg.as_expression_mut() else {
            return;
        };
        let hid = self.new_handler("except", expr.span());
        match expr.without_parentheses_mut() {
            Expression::ArrowFunctionExpression(f) => {
                let name = first_param_names(&f.params);
                match &mut f.body {
                    ArrowFunctionBody::FunctionBody(body) => self.inline_handler(hid, body, name),
                    body => {
                        if let Some(e) = body.as_expression_mut() {
                            self.inline_handler_expression(hid, e, name);
                        }
                    }
                }
            }
            Expression::FunctionExpression(f) => {
                let name = first_param_names(&f.params);
                if let Some(body) = f.body.as_mut() {
                    self.inline_handler(hid, body, name);
                }
            }
            other => {
                // a handler written elsewhere: what it does is not known here, so
                // it is taken to handle the error (precision over recall)
                let surfaces = dotted(other)
                    .is_some_and(|n| n.last().is_some_and(|l| SURFACING.contains(&l.as_str())));
                let h = &mut self.handlers[hid as usize];
                h.surfaces = surfaces;
                h.recovers = !surfaces;
            }
        }
        let mut taken = expr.take_in(&self.alloc);
        self.wrap(&mut taken, "handler", &format!("{hid}, "));
        *expr = taken;
    }

    /// The parameters an inline promise handler's value may echo: its result
    /// stands in for the enclosing function's, so those of the enclosing function.
    fn enclosing_params(&self) -> HashSet<String> {
        self.scopes
            .last()
            .map(|s| s.params.clone())
            .unwrap_or_default()
    }

    fn inline_handler(&mut self, hid: u32, body: &mut FunctionBody<'a>, error: Vec<String>) {
        self.scopes.push(Scope::new(
            None,
            loads_of(body),
            self.enclosing_params(),
            Returns::default(),
            true,
        ));
        let guarded = Guarded::default();
        self.classify(hid, &body.statements, &error, &guarded);
        self.handler_values(hid, &mut body.statements, &guarded);
        mark_throws(self, hid, &mut body.statements);
        self.scopes.pop();
    }

    /// `(e) => value`: the value is what the handler returns.
    fn inline_handler_expression(
        &mut self,
        hid: u32,
        expr: &mut Expression<'a>,
        error: Vec<String>,
    ) {
        self.scopes.push(Scope::new(
            None,
            loads_of_expression(expr),
            self.enclosing_params(),
            Returns::default(),
            false,
        ));
        let guarded = Guarded::default();
        let mut facts = BodyFacts::new(&error, self.hook, self.src, &guarded, &self.reads);
        facts.visit_expression(expr);
        {
            let h = &mut self.handlers[hid as usize];
            h.surfaces = facts.surfaces;
            h.reraises = if is_promise_reject(expr) {
                Reraise::Always
            } else {
                Reraise::Never
            };
            h.drops = constant_kind(expr) == Some(Kind::None);
        }
        self.value(hid, expr, Via::Return, &guarded);
        self.scopes.pop();
    }

    /// `await Promise.allSettled(tasks);` with the results thrown away, or stored
    /// in a variable nobody reads: every rejection among them is dropped. The
    /// call becomes `__candor.settled(ID, Promise.allSettled(tasks))`, which
    /// reports each rejected result as caught by handler ID.
    pub(super) fn unread_settled(&mut self, stmt: &mut Statement<'a>) {
        let slot: &mut Expression<'a> = match stmt {
            Statement::ExpressionStatement(e) => &mut e.expression,
            Statement::VariableDeclaration(d) if d.declarations.len() == 1 => {
                let d = &mut d.declarations[0];
                let read = d.id.get_identifier_name().is_none_or(|name| {
                    self.scopes
                        .last()
                        .is_some_and(|s| s.loads.contains(name.as_str()))
                });
                match d.init.as_mut() {
                    Some(init) if !read => init,
                    _ => return,
                }
            }
            _ => return,
        };
        let slot = match slot {
            Expression::AwaitExpression(a) => &mut a.argument,
            other => other,
        };
        let call = slot.without_parentheses_mut();
        let settles = matches!(&*call, Expression::CallExpression(c)
            if dotted(&c.callee).is_some_and(|n| n == ["Promise", "allSettled"]));
        if !settles {
            return;
        }
        let hid = self.new_handler("except", call.span());
        self.handlers[hid as usize].drops = true;
        self.wrap(call, "settled", &format!("{hid}, "));
    }
}
