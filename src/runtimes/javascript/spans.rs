//! Indexes the instrumenter keeps per function, so that what it asks for each
//! handler or placeholder takes logarithmic time whatever the size of the
//! function: its constant `return`s by value, and the spans of its guarded code.

use oxc::span::Span;
use std::collections::HashMap;

/// True when `outer` contains `inner`.
fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// A function's `return <constant>` statements (outside its handlers, not in
/// nested functions): they are disjoint and arrive in source order.
#[derive(Default)]
pub(super) struct Returns {
    /// The spans of the return statements by the text of their value, in source order.
    by_text: HashMap<String, Vec<Span>>,
    /// Whether one returns `false`, and whether one returns `true`.
    booleans: [bool; 2],
}

impl Returns {
    /// Records `return <text>` at `span`; `boolean` is its value when it is a boolean literal.
    pub(super) fn add(&mut self, span: Span, text: String, boolean: Option<bool>) {
        self.by_text.entry(text).or_default().push(span);
        if let Some(b) = boolean {
            self.booleans[usize::from(b)] = true;
        }
    }

    /// Whether the function returns the boolean literal `value` somewhere.
    pub(super) fn returns_boolean(&self, value: bool) -> bool {
        self.booleans[usize::from(value)]
    }

    /// Whether the function returns `text` from a statement outside `guarded`
    /// that does not hold `own`.
    pub(super) fn other_return_of(&self, text: &str, own: Span, guarded: Span) -> bool {
        let Some(spans) = self.by_text.get(text) else {
            return false;
        };
        // the returns inside `guarded` are one run of the list; at most one of
        // the others holds `own`, so two outside it settle the question
        let from = spans.partition_point(|s| s.start < guarded.start);
        let to = from + spans[from..].partition_point(|s| s.start < guarded.end);
        spans[..from]
            .iter()
            .chain(&spans[to..])
            .take(2)
            .any(|s| !contains(*s, own))
    }
}

/// Spans that may nest (guarded blocks and handler bodies), asked whether one
/// of them contains a given span.
pub(super) struct SpanSet {
    /// (start, the largest end of the spans starting at or before it), by start.
    reach: Vec<(u32, u32)>,
}

impl SpanSet {
    /// Indexes `spans`, in any order.
    pub(super) fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_unstable_by_key(|s| s.start);
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                (s.start, furthest)
            })
            .collect();
        SpanSet { reach }
    }

    /// Whether one of the spans contains `inner`: among those that start at or
    /// before it, one ends at or after it.
    pub(super) fn contains(&self, inner: Span) -> bool {
        let before = self
            .reach
            .partition_point(|(start, _)| *start <= inner.start);
        before > 0 && self.reach[before - 1].1 >= inner.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_set_finds_any_container_among_nested_spans() {
        let set = SpanSet::new(vec![
            Span::new(10, 20),
            Span::new(0, 100),
            Span::new(30, 40),
        ]);
        assert!(set.contains(Span::new(12, 15)));
        assert!(set.contains(Span::new(21, 29)));
        assert!(!set.contains(Span::new(90, 110)));
        assert!(!SpanSet::new(vec![Span::new(10, 20)]).contains(Span::new(5, 12)));
    }

    #[test]
    fn another_return_is_outside_the_guarded_code_and_not_the_own_one() {
        let mut r = Returns::default();
        r.add(Span::new(20, 30), "0".into(), None);
        // the only `return 0` is inside the guarded block
        assert!(!r.other_return_of("0", Span::new(50, 51), Span::new(15, 35)));
        r.add(Span::new(40, 50), "0".into(), None);
        assert!(r.other_return_of("0", Span::new(60, 61), Span::new(15, 35)));
        // the one outside the guarded block holds the value itself
        assert!(!r.other_return_of("0", Span::new(47, 48), Span::new(15, 35)));
        assert!(!r.other_return_of("1", Span::new(60, 61), Span::new(15, 35)));
        r.add(Span::new(70, 80), "true".into(), Some(true));
        assert!(r.returns_boolean(true) && !r.returns_boolean(false));
    }
}
