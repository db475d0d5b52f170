#![doc = include_str!("fabricated_value.md")]

use super::facts::GuestFacts;
use super::{caught_types, hides_values, kept_exception, kept_value, shown, times};
use crate::report::{Finding, FindingKind};

/// The rule's documentation (also `candor --explain fabricated_value` and SARIF help).
pub const EXPLANATION: &str = crate::kinds::FABRICATED_VALUE_DOC;

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
        if !hides_values(handler) {
            continue;
        }
        let caught = handler.exception.as_ref();
        let value = shown(site.value.as_ref().map_or(&site.fact.text, |v| &v.repr));
        let after = caught.map_or("an exception".to_string(), |c| shown(&c.repr));
        let what = match &site.fact.wanted {
            // a substituted lookup names both reads: "`row[keys[-1]]`
            // (score_2024 = 69) was used in place of `row["score_2025"]`"
            Some(wanted) => {
                let held = match &site.used {
                    Some(used) => format!("{} = {value}", shown(used)),
                    None => value,
                };
                format!(
                    "`{}` ({held}) was used in place of `{}`",
                    shown(&site.fact.text),
                    shown(wanted)
                )
            }
            None => format!("{value} was used in place of the real value"),
        };
        findings.push(Finding {
            kind: FindingKind::FabricatedValue,
            severity: FindingKind::FabricatedValue.severity(),
            message: format!(
                "{what} after {after}{}{}{}",
                times(site.produced),
                caught_types(handler).map_or(String::new(), |t| format!(" (caught: {t})")),
                if handler.fact.surfaces {
                    " (the error was logged, but the caller got the placeholder)"
                } else {
                    ""
                }
            ),
            file: file.to_string(),
            line: site.fact.line,
            column: site.fact.column,
            end_line: site.fact.end_line,
            end_column: site.fact.end_column,
            exception: caught.map(|c| kept_exception(&c.info)),
            value: site.value.as_ref().map(kept_value),
            count: site.produced,
            strict: None,
            input: site.probe_input.clone(),
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::tests::{facts_of, handler_line};
    use super::*;
    use crate::report::Severity;

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
    fn quiet_when_the_site_never_produced_or_the_handler_recovered() {
        let facts = facts_of(&[&handler_line(0, ""), SITE]);
        assert!(check(&facts, "s.py").is_empty());
        let facts = facts_of(&[
            &handler_line(0, r#""recovers":true"#),
            SITE,
            r#"{"fact":"caught","handler":0,"type":"KeyError","message":"'price'"}"#,
            r#"{"fact":"value","site":0,"handler":0,"type":"float","repr":"0.0"}"#,
        ]);
        assert!(check(&facts, "s.py").is_empty());
    }

    #[test]
    fn a_substituted_lookup_names_both_reads() {
        let site = r#"{"fact":"site","id":0,"handler":0,"via":"return","kind":"substitute","line":6,"column":16,"end_line":6,"end_column":29,"text":"row[keys[-1]]","wanted":"row[\"score_2025\"]"}"#;
        let facts = facts_of(&[
            &handler_line(0, ""),
            site,
            r#"{"fact":"caught","handler":0,"type":"KeyError","message":"'score_2025'","repr":"KeyError('score_2025')"}"#,
            r#"{"fact":"value","site":0,"handler":0,"type":"int","repr":"69","used":"score_2024"}"#,
        ]);
        let found = check(&facts, "s.py");
        assert_eq!(
            found[0].message,
            "`row[keys[-1]]` (score_2024 = 69) was used in place of `row[\"score_2025\"]` after KeyError('score_2025')"
        );
    }

    #[test]
    fn fires_after_logging_but_not_for_an_idiom() {
        let caught = r#"{"fact":"caught","handler":0,"type":"KeyError","message":"'p'","repr":"KeyError('p')"}"#;
        let value = r#"{"fact":"value","site":0,"handler":0,"type":"float","repr":"0.0"}"#;
        let facts = facts_of(&[&handler_line(0, r#""surfaces":true"#), SITE, caught, value]);
        let found = check(&facts, "s.py");
        assert_eq!(
            found[0].message,
            "0.0 was used in place of the real value after KeyError('p') (the error was logged, but the caller got the placeholder)"
        );
        let facts = facts_of(&[
            &handler_line(0, r#""idiom":"optional_import""#),
            SITE,
            caught,
            value,
        ]);
        assert!(check(&facts, "s.py").is_empty());
    }
}
