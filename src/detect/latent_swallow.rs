#![doc = include_str!("latent_swallow.md")]

use super::facts::{GuestFacts, HandlerKind, Reraise};
use super::{hides_errors, shown};
use crate::report::{Finding, FindingKind};
use std::collections::HashMap;

/// The rule's documentation (also `candor --explain latent_swallow` and SARIF help).
pub const EXPLANATION: &str = crate::kinds::LATENT_SWALLOW_DOC;

/// One finding per handler that would swallow but did not fire in this run.
pub(crate) fn check(facts: &GuestFacts, file: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !facts.tampering.is_empty() {
        // the probes that say whether a handler fired were tampered with:
        // "it did not fire" cannot be claimed
        return findings;
    }
    // which handlers have a placeholder site, and whether one came out: one
    // pass over the sites, so that the rule stays linear in handlers and sites
    let mut placeholders: HashMap<u32, bool> = HashMap::new();
    for site in facts.sites.values() {
        if let Some(handler) = site.fact.handler {
            *placeholders.entry(handler).or_default() |= site.produced > 0;
        }
    }
    for handler in facts.handlers.values() {
        let h = &handler.fact;
        let placeholder = placeholders.get(&h.id).copied();
        let produced = placeholder == Some(true);
        if handler.fired > 0
            || produced
            || h.kind == HandlerKind::With
            || h.reraises != Reraise::Never
            || h.retry
        {
            continue;
        }
        let has_placeholder = placeholder.is_some();
        if !(h.drops || has_placeholder) || !hides_errors(handler) {
            continue;
        }
        let what = if h.catches.is_empty() {
            "every exception".to_string()
        } else {
            shown(&h.catches.join(", "))
        };
        let how = if has_placeholder {
            "substitute a placeholder for"
        } else {
            "drop"
        };
        findings.push(Finding {
            kind: FindingKind::LatentSwallow,
            severity: FindingKind::LatentSwallow.severity(),
            message: format!(
                "this handler would {how} {what} without surfacing it (it did not fire in this run)"
            ),
            file: file.to_string(),
            line: h.line,
            column: h.column,
            end_line: h.end_line,
            end_column: h.end_column,
            exception: None,
            value: None,
            count: 0,
            strict: None,
            input: None,
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::tests::{facts_of, handler_line};
    use super::*;
    use crate::report::Severity;

    #[test]
    fn fires_on_an_unfired_dropping_handler() {
        let facts = facts_of(&[&handler_line(0, r#""drops":true"#)]);
        let found = check(&facts, "s.py");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(found[0].count, 0);
    }

    #[test]
    fn quiet_once_fired_or_when_it_handles_the_error() {
        let facts = facts_of(&[
            &handler_line(0, r#""drops":true"#),
            r#"{"fact":"caught","handler":0,"type":"ValueError","message":"x"}"#,
        ]);
        assert!(check(&facts, "s.py").is_empty());
        for fields in [
            r#""drops":true,"surfaces":true"#,
            r#""drops":true,"reraises":"sometimes""#,
            r#""drops":false"#,
        ] {
            let facts = facts_of(&[&handler_line(0, fields)]);
            assert!(check(&facts, "s.py").is_empty(), "{fields}");
        }
    }

    #[test]
    fn quiet_when_its_placeholder_came_out_or_the_probes_were_tampered_with() {
        let site = r#"{"fact":"site","id":0,"handler":0,"via":"return","kind":"literal","line":6,"column":16,"end_line":6,"end_column":17,"text":"0"}"#;
        let value = r#"{"fact":"value","site":0,"handler":0,"type":"int","repr":"0"}"#;
        let facts = facts_of(&[&handler_line(0, ""), site]);
        assert_eq!(check(&facts, "s.py").len(), 1);
        let facts = facts_of(&[&handler_line(0, ""), site, value]);
        assert!(check(&facts, "s.py").is_empty());
        let tampered = r#"{"fact":"tampered","detail":"the snippet replaced a probe"}"#;
        let facts = facts_of(&[&handler_line(0, r#""drops":true"#), tampered]);
        assert!(check(&facts, "s.py").is_empty());
    }
}
