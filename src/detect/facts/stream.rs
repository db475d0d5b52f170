//! The rules every guest's fact stream keeps, checked as it is read: a stream
//! that breaks one was written to by the snippet (or by a broken harness), and
//! the report says so.
//!
//! A harness sends, before the snippet runs, one `runtime` fact and the static
//! `handler` and `site` facts (each id once), then `started`; from then on only
//! what happened: `caught`, `value`, `propagated`, `recovered`, `tampered`,
//! each naming a declared handler or site, and `coerced` (a library call that
//! made up data: never more values changed than given). A harness whose channel the snippet
//! can call (Python's) numbers its facts, `{"seq":N,...}` from 1: a fact out of
//! that sequence was not the harness's.

use super::Fact;
use std::collections::HashSet;

/// What one stream did against the rules, counted per rule.
#[derive(Default)]
pub(super) struct StreamCheck {
    lines: u64,
    /// The stream is numbered (its first line was `seq` 1): the next number.
    next_seq: Option<u64>,
    out_of_sequence: u64,
    started: u64,
    runtimes: u64,
    handlers: HashSet<u32>,
    sites: HashSet<u32>,
    static_after_start: u64,
    redeclared: u64,
    unknown_ids: u64,
    /// `coerced` facts before the snippet started.
    coerced_out_of_place: u64,
    /// `coerced` facts counting more values changed than given, no call, or line 0.
    coerced_impossible: u64,
    /// `probe` facts before the snippet started.
    probe_out_of_place: u64,
}

impl StreamCheck {
    /// Takes the next line of the stream into account (before its fact, if it is one).
    pub(super) fn observe_line(&mut self, line: &str) {
        let seq = sequence_number(line);
        self.lines += 1;
        if self.lines == 1 {
            self.next_seq = (seq == Some(1)).then_some(2);
            return;
        }
        let Some(next) = self.next_seq else {
            return;
        };
        if seq != Some(next) {
            self.out_of_sequence += 1;
        }
        // one line out of place does not put the ones after it out of place too
        self.next_seq = Some(seq.map_or(next, |s| s.saturating_add(1)));
    }

    /// Takes the next fact of the stream into account.
    pub(super) fn observe(&mut self, fact: &Fact) {
        match fact {
            Fact::Runtime { .. } => self.runtimes += 1,
            Fact::Started => self.started += 1,
            Fact::Handler(h) => {
                self.static_after_start += u64::from(self.started > 0);
                self.redeclared += u64::from(!self.handlers.insert(h.id));
            }
            Fact::Site(s) => {
                self.static_after_start += u64::from(self.started > 0);
                self.redeclared += u64::from(!self.sites.insert(s.id));
                if let Some(h) = s.handler {
                    self.unknown_ids += u64::from(!self.handlers.contains(&h));
                }
            }
            Fact::Caught { handler, .. }
            | Fact::Propagated { handler, .. }
            | Fact::Recovered { handler, .. } => {
                self.unknown_ids += u64::from(!self.handlers.contains(handler));
            }
            Fact::Value { site, handler, .. } => {
                let known_handler = handler.is_none_or(|h| self.handlers.contains(&h));
                self.unknown_ids += u64::from(!self.sites.contains(site) || !known_handler);
            }
            Fact::Tampered { .. } => {}
            Fact::Probe { .. }
            | Fact::ProbeEnd { .. }
            | Fact::ProbeStopped { .. }
            | Fact::ProbeShared
            | Fact::ProbeListed { .. } => {
                self.probe_out_of_place += u64::from(self.started == 0);
            }
            Fact::Coerced(c) => {
                self.coerced_out_of_place += u64::from(self.started == 0);
                self.coerced_impossible +=
                    u64::from(c.changed > c.total || c.calls == 0 || c.line == 0);
            }
        }
    }

    /// One sentence per rule the stream broke.
    pub(super) fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.out_of_sequence > 0 {
            problems.push(format!(
                "{} facts were out of the harness's sequence (the snippet sent facts itself)",
                self.out_of_sequence
            ));
        }
        if self.runtimes > 1 {
            problems.push(format!(
                "the guest sent {} runtime facts; its harness sends one",
                self.runtimes
            ));
        }
        if self.started > 1 {
            problems.push(format!(
                "the guest said {} times that the snippet started; its harness says it once",
                self.started
            ));
        }
        if self.static_after_start > 0 {
            problems.push(format!(
                "{} handler or site facts arrived after the snippet started",
                self.static_after_start
            ));
        }
        if self.redeclared > 0 {
            problems.push(format!(
                "{} handler or site facts declared an id again",
                self.redeclared
            ));
        }
        if self.unknown_ids > 0 {
            problems.push(format!(
                "{} facts named a handler or site that was never declared",
                self.unknown_ids
            ));
        }
        if self.probe_out_of_place > 0 {
            problems.push(format!(
                "{} probe facts arrived before the snippet started",
                self.probe_out_of_place
            ));
        }
        if self.coerced_out_of_place > 0 {
            problems.push(format!(
                "{} coerced-data facts arrived before the snippet started",
                self.coerced_out_of_place
            ));
        }
        if self.coerced_impossible > 0 {
            problems.push(format!(
                "{} coerced-data facts counted more values changed than given, or no call",
                self.coerced_impossible
            ));
        }
        problems
    }
}

/// The `seq` a line starts with (`{"seq":12,...`), if it does.
fn sequence_number(line: &str) -> Option<u64> {
    let rest = line.strip_prefix("{\"seq\":")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    rest[..digits].parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::detect::facts::GuestFacts;

    const HANDLER: &str = r#"{"fact":"handler","id":0,"kind":"except","line":2,"column":1,"end_line":3,"end_column":9,"reraises":"never","surfaces":false,"recovers":false,"drops":true,"retry":false}"#;

    fn tampering(lines: &[&str]) -> Vec<String> {
        GuestFacts::from_lines(lines.iter().copied()).tampering
    }

    #[test]
    fn a_stream_in_order_breaks_no_rule() {
        let lines = [
            r#"{"fact":"runtime","name":"cpython","version":"3.14.0"}"#,
            HANDLER,
            r#"{"fact":"started"}"#,
            r#"{"fact":"caught","handler":0}"#,
            r#"{"fact":"propagated","handler":0,"count":1}"#,
        ];
        assert_eq!(tampering(&lines), Vec::<String>::new());
        assert_eq!(
            GuestFacts::from_lines(lines).overresolved(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn numbered_facts_keep_their_sequence() {
        let numbered = [
            r#"{"seq":1,"fact":"runtime","name":"cpython","version":"3.14.0"}"#,
            r#"{"seq":2,"fact":"started"}"#,
        ];
        assert_eq!(tampering(&numbered), Vec::<String>::new());
        let facts = GuestFacts::from_lines(numbered);
        assert_eq!(facts.runtime, Some(("cpython".into(), "3.14.0".into())));
        let forged = [
            numbered[0],
            numbered[1],
            r#"{"fact":"started"}"#,
            r#"{"seq":3,"fact":"started"}"#,
            r#"{"seq":3,"fact":"started"}"#,
        ];
        assert_eq!(
            tampering(&forged),
            [
                "2 facts were out of the harness's sequence (the snippet sent facts itself)",
                "the guest said 4 times that the snippet started; its harness says it once",
            ]
        );
    }

    #[test]
    fn forged_facts_break_the_rules_they_break() {
        let lines = [
            r#"{"fact":"runtime","name":"cpython","version":"3.14.0"}"#,
            HANDLER,
            r#"{"fact":"started"}"#,
            r#"{"fact":"runtime","name":"cpython","version":"9.9"}"#,
            HANDLER,
            r#"{"fact":"caught","handler":7}"#,
            r#"{"fact":"value","site":3,"handler":0}"#,
            r#"{"fact":"caught","handler":0}"#,
            r#"{"fact":"recovered","handler":0,"count":2}"#,
        ];
        let facts = GuestFacts::from_lines(lines);
        assert_eq!(
            facts.tampering,
            [
                "the guest sent 2 runtime facts; its harness sends one",
                "1 handler or site facts arrived after the snippet started",
                "1 handler or site facts declared an id again",
                "2 facts named a handler or site that was never declared",
            ]
        );
        assert_eq!(facts.runtime, Some(("cpython".into(), "3.14.0".into())));
        assert_eq!(
            facts.overresolved(),
            ["handler 0: 2 firings resolved, 1 caught"]
        );
    }
}
