#![doc = include_str!("swallowed_exception.md")]

use super::facts::GuestFacts;
use super::{caught_types, hides_errors, kept_exception, shown, times};
use crate::report::{Finding, FindingKind};

/// The rule's documentation (also `candor --explain swallowed_exception` and SARIF help).
pub const EXPLANATION: &str = crate::kinds::SWALLOWED_EXCEPTION_DOC;

/// One finding per handler that dropped at least one exception it caught.
pub(crate) fn check(facts: &GuestFacts, file: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for handler in facts.handlers.values() {
        let count = handler.swallowed();
        if count == 0 || !hides_errors(handler) {
            continue;
        }
        let caught = handler.exception.as_ref();
        let what = caught.map_or("an exception".to_string(), |c| shown(&c.repr));
        findings.push(Finding {
            kind: FindingKind::SwallowedException,
            severity: FindingKind::SwallowedException.severity(),
            message: match caught_types(handler) {
                Some(types) => format!("{what} was caught and dropped ({count} times: {types})"),
                None => format!("{what} was caught and dropped{}", times(count)),
            },
            file: file.to_string(),
            line: handler.fact.line,
            column: handler.fact.column,
            end_line: handler.fact.end_line,
            end_column: handler.fact.end_column,
            exception: caught.map(|c| kept_exception(&c.info)),
            value: None,
            count,
            strict: None,
            input: handler.probe_input.clone(),
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::tests::{facts_of, handler_line};
    use super::*;

    #[test]
    fn fires_on_a_dropping_handler_that_caught() {
        let facts = facts_of(&[
            &handler_line(0, r#""drops":true"#),
            r#"{"fact":"caught","handler":0,"type":"ValueError","message":"bad","repr":"ValueError('bad')","line":3}"#,
            r#"{"fact":"caught","handler":0}"#,
        ]);
        let found = check(&facts, "s.py");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].count, 2);
        assert_eq!(
            found[0].message,
            "ValueError('bad') was caught and dropped (2 times)"
        );
        assert_eq!(found[0].exception.as_ref().unwrap().line, Some(3));
        assert_eq!((found[0].line, found[0].column), (5, 9));
    }

    #[test]
    fn quiet_when_it_surfaces_recovers_or_propagates() {
        for fields in [
            r#""surfaces":true"#,
            r#""recovers":true"#,
            r#""reraises":"always""#,
        ] {
            let facts = facts_of(&[
                &handler_line(0, fields),
                r#"{"fact":"caught","handler":0,"type":"ValueError","message":"bad"}"#,
            ]);
            assert!(check(&facts, "s.py").is_empty(), "{fields}");
        }
        let facts = facts_of(&[
            &handler_line(0, r#""drops":true"#),
            r#"{"fact":"caught","handler":0,"type":"ValueError","message":"bad"}"#,
            r#"{"fact":"propagated","handler":0,"count":1}"#,
        ]);
        assert!(check(&facts, "s.py").is_empty());
    }

    #[test]
    fn quiet_for_stop_iteration_and_an_empty_queue() {
        let facts = facts_of(&[
            &handler_line(0, r#""drops":true,"catches":["StopIteration"]"#),
            r#"{"fact":"caught","handler":0,"type":"StopIteration","message":""}"#,
        ]);
        assert!(check(&facts, "s.py").is_empty());
        let facts = facts_of(&[
            &handler_line(0, r#""drops":true,"catches":["queue.Empty"]"#),
            r#"{"fact":"caught","handler":0,"type":"Empty","message":""}"#,
        ]);
        assert!(check(&facts, "s.py").is_empty());
    }

    #[test]
    fn names_each_exception_type_it_caught() {
        let facts = facts_of(&[
            &handler_line(0, ""),
            r#"{"fact":"caught","handler":0,"type":"ValueError","message":"x","repr":"ValueError('x')"}"#,
            r#"{"fact":"caught","handler":0,"type":"KeyError","message":"'a'","repr":"KeyError('a')"}"#,
            r#"{"fact":"caught","handler":0,"type":"KeyError","count":2}"#,
        ]);
        let found = check(&facts, "s.py");
        assert_eq!(
            found[0].message,
            "ValueError('x') was caught and dropped (4 times: ValueError ×1, KeyError ×3)"
        );
    }

    #[test]
    fn quiet_for_a_deliberate_idiom() {
        for idiom in [
            "expected_exception",
            "optional_import",
            "cleanup",
            "checked_none",
        ] {
            let facts = facts_of(&[
                &handler_line(0, &format!(r#""drops":true,"idiom":"{idiom}""#)),
                r#"{"fact":"caught","handler":0,"type":"ValueError","message":"x"}"#,
            ]);
            assert!(check(&facts, "s.py").is_empty(), "{idiom}");
        }
    }
}
