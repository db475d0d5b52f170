//! What the findings about a run's output as a whole share
//! (`wrong_output`, `nondeterministic_output`): where two outputs part, and
//! a finding placed at the top of the snippet (there is no source line).

use crate::report::{Finding, FindingKind, ValueInfo, shorten};

/// Where two outputs first differ, line by line: the line number (1-based),
/// and each side's line there, quoted (`nothing` past its end).
pub(crate) struct FirstDifference {
    pub(crate) line: usize,
    pub(crate) left: String,
    pub(crate) right: String,
    /// The left side's line as printed (shortened), for the finding's value.
    pub(crate) left_text: Option<String>,
}

/// The first line at which `left` and `right` differ (they are known to).
pub(crate) fn first_difference(left: &str, right: &str) -> FirstDifference {
    let (a, b): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let quoted = |line: Option<&&str>| match line {
        Some(text) => format!("`{}`", shorten(text)),
        None => "nothing".to_string(),
    };
    FirstDifference {
        line: at + 1,
        left: quoted(a.get(at)),
        right: quoted(b.get(at)),
        left_text: a.get(at).map(|l| shorten(l).into_owned()),
    }
}

/// A finding of `kind` about the output of the run of `file`; `printed` is
/// the line of stdout it is about, when there is one.
pub(crate) fn output_finding(
    kind: FindingKind,
    message: String,
    file: &str,
    printed: Option<String>,
) -> Finding {
    Finding {
        kind,
        severity: kind.severity(),
        message,
        file: file.to_string(),
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 0,
        exception: None,
        value: printed.map(|repr| ValueInfo {
            type_name: "stdout".to_string(),
            repr,
        }),
        count: 1,
        strict: None,
        input: None,
    }
}
