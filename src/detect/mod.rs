//! Turns guest facts into findings: one file per finding kind, the same rules
//! for every guest language.
//!
//! A guest harness reports facts (see [`facts`]): every handler with what its
//! body does, every placeholder expression, and during the run which handler
//! caught which exception, whether it propagated after all, and which
//! placeholder values came out. The rules below decide what is a finding.

pub(crate) mod compiler_warning;
pub mod data_coerced;
pub mod fabricated_value;
pub(crate) mod facts;
pub mod latent_swallow;
pub(crate) mod libc_calls;
pub mod swallowed_exception;

use crate::report::{ExceptionInfo, Finding, FindingKind, ValueInfo, shorten, shorten_to};
use facts::{GuestFacts, HandlerSite, Reraise};

/// Exception types that end iteration, a generator or the draining of a queue:
/// catching them is control flow.
const CONTROL_FLOW: &[&str] = &[
    "StopIteration",
    "StopAsyncIteration",
    "GeneratorExit",
    "Empty",
    "QueueEmpty",
];

/// The documentation of a finding kind: what it does, why it is bad, an
/// example, what to do instead, references.
pub fn explanation(kind: FindingKind) -> &'static str {
    kind.explanation()
}

/// The CWE a finding kind maps to.
pub fn cwe(kind: FindingKind) -> u32 {
    kind.cwe()
}

/// All findings of one run, ordered by line, then column, then kind.
pub(crate) fn findings(facts: &GuestFacts, file: &str) -> Vec<Finding> {
    let mut all = swallowed_exception::check(facts, file);
    all.extend(fabricated_value::check(facts, file));
    all.extend(latent_swallow::check(facts, file));
    all.extend(data_coerced::check(facts, file));
    all.sort_by_key(|f| (f.line, f.column, f.kind));
    all
}

/// The findings of a run whose guest streamed `lines` of facts, for a snippet
/// named `file`: the host's fact parser and every rule, as a run uses them.
/// For fuzzing and tests of what reaches a report; not a stable API.
#[doc(hidden)]
pub fn findings_from_fact_lines<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    file: &str,
) -> Vec<Finding> {
    findings(&GuestFacts::from_lines(lines), file)
}

/// True when the handler, as written, makes an error disappear: it neither
/// re-raises on every path, nor surfaces the error, nor recovers from the data,
/// nor returns the function's own failure value, nor belongs to a deliberate
/// idiom (see [`facts::HandlerFact::idiom`]), and what it catches is not
/// iteration control flow.
pub(crate) fn hides_errors(handler: &HandlerSite) -> bool {
    let h = &handler.fact;
    !h.surfaces && hides_values(handler)
}

/// True when a placeholder that came out of the handler reaches the caller as
/// if it were the result: [`hides_errors`] without the surfacing test, since a
/// value returned or stored after logging the error still stands in for the
/// real one (the caller never learns).
pub(crate) fn hides_values(handler: &HandlerSite) -> bool {
    let h = &handler.fact;
    if h.idiom.as_deref() == Some("named_default") {
        // a missing key takes the documented default; anything else caught
        // (a value that did not parse) is hidden behind it
        return handler.types.iter().any(|(t, _)| t != "KeyError");
    }
    if h.recovers || h.failure_value || h.reraises == Reraise::Always || h.idiom.is_some() {
        return false;
    }
    let control = |name: &str| CONTROL_FLOW.contains(&name.rsplit('.').next().unwrap_or(name));
    if !h.catches.is_empty() && h.catches.iter().all(|c| control(c)) {
        return false;
    }
    if let Some(caught) = &handler.exception
        && control(&caught.info.type_name)
    {
        return false;
    }
    true
}

/// Characters of guest text (an exception message, a repr, a type name) a
/// finding's structured fields keep from the start, and from the end, of a
/// longer text.
const FIELD_HEAD: usize = 240;
/// See [`FIELD_HEAD`].
const FIELD_TAIL: usize = 120;

/// Guest text as a finding's sentence shows it: a long text keeps its head and
/// its tail (`first 80 characters…last 40`), cut between characters.
pub(crate) fn shown(text: &str) -> String {
    shorten(text).into_owned()
}

/// Guest text as a finding's structured fields keep it (see [`FIELD_HEAD`]).
fn kept(text: &str) -> String {
    shorten_to(text, FIELD_HEAD, FIELD_TAIL).into_owned()
}

/// An exception as a finding keeps it: its type and message bounded, head and tail kept.
pub(crate) fn kept_exception(info: &ExceptionInfo) -> ExceptionInfo {
    ExceptionInfo {
        type_name: kept(&info.type_name),
        message: kept(&info.message),
        line: info.line,
    }
}

/// A value as a finding keeps it: its type and repr bounded, head and tail kept.
pub(crate) fn kept_value(value: &ValueInfo) -> ValueInfo {
    ValueInfo {
        type_name: kept(&value.type_name),
        repr: kept(&value.repr),
    }
}

/// `KeyError ×2, ValueError ×1` when the handler caught more than one
/// exception type, else None (the finding's message names the first one).
pub(crate) fn caught_types(handler: &HandlerSite) -> Option<String> {
    if handler.types.len() < 2 {
        return None;
    }
    let kinds: Vec<String> = handler
        .types
        .iter()
        .map(|(t, n)| format!("{t} ×{n}"))
        .collect();
    Some(kinds.join(", "))
}

/// ` (N times)` for N > 1.
pub(crate) fn times(count: u64) -> String {
    if count > 1 {
        format!(" ({count} times)")
    } else {
        String::new()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::facts::GuestFacts;

    /// A handler fact at line 5, column 9, with `fields` (JSON members) overriding the defaults.
    pub(crate) fn handler_line(id: u32, fields: &str) -> String {
        let mut base: serde_json::Value = serde_json::from_str(&format!(
            r#"{{"fact":"handler","id":{id},"kind":"except","line":5,"column":9,"end_line":6,"end_column":13,
               "catches":[],"function":null,"reraises":"never","surfaces":false,"recovers":false,
               "drops":false,"retry":false,"failure_value":false}}"#
        ))
        .unwrap();
        let extra: serde_json::Value = serde_json::from_str(&format!("{{{fields}}}")).unwrap();
        for (k, v) in extra.as_object().unwrap() {
            base[k] = v.clone();
        }
        base.to_string()
    }

    pub(crate) fn facts_of(lines: &[&str]) -> GuestFacts {
        GuestFacts::from_lines(lines.iter().copied())
    }

    #[test]
    fn every_kind_has_an_explanation_with_the_sections() {
        for kind in crate::report::FindingKind::ALL {
            let text = super::explanation(kind);
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
                "## References",
            ] {
                assert!(text.contains(section), "{} lacks {section}", kind.as_str());
            }
        }
    }
}
