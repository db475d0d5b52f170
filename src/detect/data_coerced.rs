#![doc = include_str!("data_coerced.md")]

use super::facts::{CoercionEvent, CoercionSite, GuestFacts};
use super::{shown, times};
use crate::report::{Finding, FindingKind};

/// The rule's documentation (also `candor --explain data_coerced` and SARIF help).
pub const EXPLANATION: &str = crate::kinds::DATA_COERCED_DOC;

/// One finding per call site and event that made up at least one value.
pub(crate) fn check(facts: &GuestFacts, file: &str) -> Vec<Finding> {
    facts
        .coercions
        .values()
        .filter(|site| site.changed > 0)
        .map(|site| {
            let kind = FindingKind::DataCoerced;
            Finding {
                kind,
                severity: kind.severity(),
                message: message(site),
                file: file.to_string(),
                line: site.fact.line,
                column: site.fact.column,
                end_line: site.fact.end_line,
                end_column: site.fact.end_column,
                exception: None,
                value: None,
                count: site.changed,
                strict: None,
                input: None,
            }
        })
        .collect()
}

/// `4 of 10` as a share: `40%`, `<1%` for a share that rounds to nothing.
fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "all".to_string();
    }
    let percent = (part as f64 * 100.0 / whole as f64).round();
    if percent < 1.0 {
        "<1%".to_string()
    } else {
        format!("{percent}%")
    }
}

/// `s` for a count other than one.
fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The finding's sentence: the call, what it made up, out of how much.
fn message(site: &CoercionSite) -> String {
    let call = shown(&site.fact.text);
    let detail = site.fact.detail.as_deref().map(shown);
    let (n, of) = (site.changed, site.total);
    let over_calls = if site.calls > 1 {
        format!(" over {} calls", site.calls)
    } else {
        String::new()
    };
    match site.fact.event {
        CoercionEvent::ToNumeric => {
            format!("`{call}` turned {n} of {of} values into NaN{over_calls}")
        }
        CoercionEvent::ToDatetime => {
            format!("`{call}` turned {n} of {of} values into NaT{over_calls}")
        }
        CoercionEvent::Astype => format!(
            "`{call}` could not convert {n} of {of} values and left them as {}{over_calls}",
            detail.unwrap_or_else(|| "they were".to_string())
        ),
        CoercionEvent::Fillna => format!(
            "`{call}` filled {n} missing value{} ({} of {}){over_calls}",
            plural(n),
            share(n, of),
            detail.unwrap_or_else(|| "the data".to_string())
        ),
        CoercionEvent::MergeDropped => format!(
            "`{call}`: the inner merge dropped {n} of {of} rows of the left frame with no match{over_calls}"
        ),
        CoercionEvent::MergeMultiplied => format!(
            "`{call}` multiplied rows on repeated keys: {of} row{} of the left frame came out as {}{over_calls}",
            plural(of),
            of.saturating_add(n)
        ),
        CoercionEvent::GetDefault => format!(
            "`{call}` returned its default: there is no {}{}",
            detail.unwrap_or_else(|| "such key".to_string()),
            times(n)
        ),
        CoercionEvent::DropMissing => format!(
            "`{call}` ignored {n} of {of} label{} to drop that are not there: {}{over_calls}",
            plural(of),
            detail.unwrap_or_else(|| "no such label".to_string())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::facts_of;
    use super::*;
    use crate::report::Severity;

    const STARTED: &str = r#"{"fact":"started"}"#;

    fn coerced(
        event: &str,
        line: u32,
        changed: u64,
        total: u64,
        calls: u64,
        extra: &str,
    ) -> String {
        format!(
            r#"{{"fact":"coerced","event":"{event}","line":{line},"column":9,"end_line":{line},"end_column":50,"text":"pd.to_numeric(df['price'], errors='coerce')","changed":{changed},"total":{total},"calls":{calls}{extra}}}"#
        )
    }

    #[test]
    fn a_coercion_is_a_warning_with_its_count_and_line() {
        let fact = coerced("to_numeric", 5, 3, 10, 1, "");
        let found = check(&facts_of(&[STARTED, &fact]), "s.py");
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(f.kind, FindingKind::DataCoerced);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!((f.line, f.column, f.end_column, f.count), (5, 9, 50, 3));
        assert_eq!(
            f.message,
            "`pd.to_numeric(df['price'], errors='coerce')` turned 3 of 10 values into NaN"
        );
        assert_eq!(FindingKind::DataCoerced.cwe(), 1287);
    }

    #[test]
    fn repeats_of_one_site_add_up_and_sites_stay_apart() {
        let lines = [
            STARTED.to_string(),
            coerced("fillna", 7, 4, 10, 1, r#","detail":"column 'qty'""#),
            coerced("fillna", 7, 2, 10, 3, r#","detail":"column 'qty'""#),
            coerced("merge_dropped", 9, 2, 5, 1, ""),
            coerced("merge_multiplied", 9, 3, 4, 1, ""),
        ];
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let found = check(&facts_of(&refs), "s.py");
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        let call = "`pd.to_numeric(df['price'], errors='coerce')`";
        assert_eq!(
            messages,
            [
                format!("{call} filled 6 missing values (30% of column 'qty') over 4 calls"),
                format!(
                    "{call}: the inner merge dropped 2 of 5 rows of the left frame with no match"
                ),
                format!(
                    "{call} multiplied rows on repeated keys: 4 rows of the left frame came out as 7"
                ),
            ]
        );
        assert_eq!(found[0].count, 6);
    }

    #[test]
    fn a_call_that_changed_nothing_is_no_finding() {
        let fact = coerced("to_numeric", 5, 0, 10, 1, "");
        assert!(check(&facts_of(&[STARTED, &fact]), "s.py").is_empty());
    }

    #[test]
    fn impossible_or_early_facts_are_tampering() {
        let early = coerced("to_numeric", 5, 3, 10, 1, "");
        let more_than_given = coerced("to_numeric", 6, 11, 10, 1, "");
        let facts = facts_of(&[&early, STARTED, &more_than_given]);
        assert_eq!(
            facts.tampering,
            [
                "1 coerced-data facts arrived before the snippet started",
                "1 coerced-data facts counted more values changed than given, or no call",
            ]
        );
        // an event the guest does not send is a malformed fact
        let unknown = coerced("made_up", 5, 1, 1, 1, "");
        assert_eq!(facts_of(&[STARTED, &unknown]).malformed, 1);
    }

    #[test]
    fn every_event_has_its_sentence() {
        let cases = [
            ("to_datetime", "", "turned 3 of 10 values into NaT"),
            (
                "astype",
                r#","detail":"object""#,
                "could not convert 3 of 10 values and left them as object",
            ),
            (
                "get_default",
                r#","detail":"column 'revenue'""#,
                "returned its default: there is no column 'revenue' (3 times)",
            ),
            (
                "drop_missing",
                r#","detail":"column 'tmp'""#,
                "ignored 3 of 10 labels to drop that are not there: column 'tmp'",
            ),
        ];
        for (event, extra, said) in cases {
            let fact = coerced(event, 5, 3, 10, 1, extra);
            let found = check(&facts_of(&[STARTED, &fact]), "s.py");
            assert!(
                found[0].message.ends_with(said),
                "{event}: {}",
                found[0].message
            );
        }
    }
}
