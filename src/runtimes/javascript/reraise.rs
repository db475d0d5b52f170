//! Strict re-runs (`--strict`): the snippet with chosen `catch` clauses
//! throwing what they caught, first thing, to show what the error they hid
//! would have done.
//!
//! The edit is made on the source text before it is prepared, so lines do not
//! move: a chosen clause's head becomes `catch (__candor_reraise)` (its
//! newlines kept) and `throw __candor_reraise;` goes right after its opening
//! brace. Promise `.catch` callbacks are left as they are.

use super::instrument::{LineIndex, source_type};
use oxc::allocator::Allocator;
use oxc::ast::ast::CatchClause;
use oxc::ast_visit::{Visit, walk};
use oxc::parser::Parser;

/// The name the rewritten clauses bind what they caught to.
const CAUGHT: &str = "__candor_reraise";

/// `source` with the `catch` clauses at `targets` (`line`, `column`: a
/// clause's own position, or a position inside its block, which names the
/// innermost clause around it) rethrowing. A source that does not parse is
/// returned as it is (its run reports the syntax error).
pub(crate) fn reraising(
    source: &str,
    file_name: &str,
    typescript: bool,
    targets: &[(u32, u32)],
) -> String {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type(file_name, typescript)).parse();
    if parsed.diagnostics.has_errors() {
        return source.to_string();
    }
    let lines = LineIndex::new(source);
    let mut finder = Clauses {
        lines: &lines,
        found: Vec::new(),
    };
    finder.visit_program(&parsed.program);
    let mut chosen: Vec<&Clause> = Vec::new();
    for &target in targets {
        let exact = finder.found.iter().find(|c| c.at == target);
        let around = finder
            .found
            .iter()
            .filter(|c| c.body_start < target && target < c.body_end)
            .max_by_key(|c| c.body_start);
        if let Some(clause) = exact.or(around)
            && !chosen.iter().any(|c| c.head_start == clause.head_start)
        {
            chosen.push(clause);
        }
    }
    chosen.sort_by_key(|c| c.head_start);
    let mut out = String::with_capacity(source.len() + chosen.len() * 64);
    let mut copied = 0;
    for clause in chosen {
        let (head, brace) = (clause.head_start as usize, clause.brace as usize);
        out.push_str(&source[copied..head]);
        out.push_str("catch (");
        out.push_str(CAUGHT);
        out.push(')');
        // the head's own line breaks, so that later lines keep their numbers
        out.extend(source[head..brace].chars().filter(|c| *c == '\n'));
        out.push_str(" { throw ");
        out.push_str(CAUGHT);
        out.push(';');
        copied = brace + 1;
    }
    out.push_str(&source[copied..]);
    out
}

/// One `catch` clause: where it starts (as a handler fact gives it), the
/// extent of its block, and the byte offsets the edit needs.
struct Clause {
    at: (u32, u32),
    body_start: (u32, u32),
    body_end: (u32, u32),
    /// Offset of `catch`.
    head_start: u32,
    /// Offset of the block's `{`.
    brace: u32,
}

struct Clauses<'l> {
    lines: &'l LineIndex,
    found: Vec<Clause>,
}

impl<'a> Visit<'a> for Clauses<'_> {
    fn visit_catch_clause(&mut self, it: &CatchClause<'a>) {
        self.found.push(Clause {
            at: self.lines.position(it.span.start),
            body_start: self.lines.position(it.body.span.start),
            body_end: self.lines.position(it.body.span.end),
            head_start: it.span.start,
            brace: it.body.span.start,
        });
        walk::walk_catch_clause(self, it);
    }
}

#[cfg(test)]
mod tests {
    use super::reraising;

    #[test]
    fn a_clause_named_by_its_position_or_a_value_inside_it_rethrows() {
        let source =
            "try {\n  f();\n} catch (e) {\n  y = 0;\n} \ntry { g(); } catch {\n  x = 1;\n}\n";
        // the first by its own position, the second by a value in its block
        let out = reraising(source, "s.js", false, &[(3, 3), (7, 3)]);
        assert_eq!(
            out,
            "try {\n  f();\n} catch (__candor_reraise) { throw __candor_reraise;\n  y = 0;\n} \ntry { g(); } catch (__candor_reraise) { throw __candor_reraise;\n  x = 1;\n}\n"
        );
        assert_eq!(out.lines().count(), source.lines().count());
    }

    #[test]
    fn other_clauses_and_unparsable_sources_stay_as_they_are() {
        let source = "try { f(); } catch (e) { }\n";
        assert_eq!(reraising(source, "s.js", false, &[(9, 9)]), source);
        assert_eq!(reraising("let = ;", "s.js", false, &[(1, 1)]), "let = ;");
    }

    #[test]
    fn a_head_over_several_lines_keeps_its_line_breaks() {
        let source = "try { f(); } catch (\n  { message }\n) {\n  log(message);\n}\n";
        let out = reraising(source, "s.ts", true, &[(1, 14)]);
        assert_eq!(
            out,
            "try { f(); } catch (__candor_reraise)\n\n { throw __candor_reraise;\n  log(message);\n}\n"
        );
    }
}
