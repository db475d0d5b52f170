#![doc = include_str!("fabricated_value.md")]

use super::facts::GuestFacts;
use super::{hides_errors, kept_exception, kept_value, shown, times};
use crate::report::{Finding, FindingKind, Severity};

/// The rule's documentation (also `candor --explain fabricated_value` and SARIF help).
pub const EXPLANATION: &str = include_str!("fabricated_value.md");

/// One finding per placeholder that stood in for a result after a swallowed exception.
pub(crate) fn check(facts: &GuestFacts, file: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for site in facts.sites.values() {
        if site.produced == 0 {
            continue;
        }
        let Some(handler) = site.after_handler.and_then(|id| facts.handlers.get(&id)) else {
            continue;
        };
        if !hides_errors(handler) {
            continue;
        }
        let caught = handler.exception.as_ref();
        let value = shown(site.value.as_ref().map_or(&site.fact.text, |v| &v.repr));
        let after = caught.map_or("an exception".to_string(), |c| shown(&c.repr));
        findings.push(Finding {
            kind: FindingKind::FabricatedValue,
            severity: Severity::Error,
            message: format!(
                "{value} was used in place of the real value after {after}{}",
                times(site.produced)
            ),
            file: file.to_string(),
            line: site.fact.line,
            column: site.fact.column,
            end_line: site.fact.end_line,
            exception: caught.map(|c| kept_exception(&c.info)),
            value: site.value.as_ref().map(kept_value),
            count: site.produced,
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::tests::{facts_of, handler_line};
    use super::*;

    const SITE: &str = r#"{"fact":"site","id":0,"handler":0,"via":"return","kind":"literal","line":6,"column":16,"end_line":6,"end_column":19,"text":"0.0"}"#;

    #[test]
    fn fires_with_the_value_that_came_out() {
        let facts = facts_of(&[
            &handler_line(0, ""),
            SITE,
            r#"{"fact":"caught","handler":0,"type":"KeyError","message":"'price'","repr":"KeyError('price')","line":4}"#,
            r#"{"fact":"value","site":0,"handler":0,"type":"float","repr":"0.0"}"#,
        ]);
        let found = check(&facts, "s.py");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].line, 6);
        assert_eq!(found[0].value.as_ref().unwrap().type_name, "float");
        assert_eq!(
            found[0].message,
            "0.0 was used in place of the real value after KeyError('price')"
        );
    }

    #[test]
    fn quiet_when_the_site_never_produced_or_the_handler_surfaced() {
        let facts = facts_of(&[&handler_line(0, ""), SITE]);
        assert!(check(&facts, "s.py").is_empty());
        let facts = facts_of(&[
            &handler_line(0, r#""surfaces":true"#),
            SITE,
            r#"{"fact":"caught","handler":0,"type":"KeyError","message":"'price'"}"#,
            r#"{"fact":"value","site":0,"handler":0,"type":"float","repr":"0.0"}"#,
        ]);
        assert!(check(&facts, "s.py").is_empty());
    }
}
