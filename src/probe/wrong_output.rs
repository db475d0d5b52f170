//! `wrong_output`: the run's stdout is not the expected output (see
//! `wrong_output.md`).

use super::output_lines::{first_difference, output_finding};
use crate::report::{CallEnd, CallResult, Finding, FindingKind, shorten};
use similar::TextDiff;

/// The finding, and a unified diff (expected, then actual) for the report,
/// when `stdout` is not `expected` (which the message calls `what`: `the
/// expected output`); None when they are the same (a missing newline at the
/// very end, and `\r\n` for `\n`, aside). `truncated` says `stdout` was
/// cut at the output limit.
pub(crate) fn check(
    stdout: &str,
    expected: &str,
    what: &str,
    truncated: bool,
    file: &str,
) -> Option<(Finding, String)> {
    // a file written on Windows ends its lines with \r\n: the same lines
    let (stdout, expected) = (stdout.replace("\r\n", "\n"), expected.replace("\r\n", "\n"));
    let (stdout, expected) = (stdout.as_str(), expected.as_str());
    let trimmed = |s: &str| s.strip_suffix('\n').unwrap_or(s).to_string();
    if trimmed(stdout) == trimmed(expected) {
        return None;
    }
    let at = first_difference(stdout, expected);
    let cut = if truncated {
        " (the output was cut at the output limit)"
    } else {
        ""
    };
    let message = format!(
        "the output differs from {what} at line {}: {} was printed where {} was expected{cut}",
        at.line, at.left, at.right
    );
    let diff = TextDiff::from_lines(expected, stdout)
        .unified_diff()
        .context_radius(3)
        .header("expected", "stdout")
        .to_string();
    let finding = output_finding(FindingKind::WrongOutput, message, file, at.left_text);
    Some((finding, diff))
}

/// The finding of a run that completed where `from` (a reference program,
/// `the reference ref.py`) failed on the same input, for `reason`: the run
/// hid a failure, or made up a result the reference would not.
pub(crate) fn completed_instead(reason: &str, from: &str, file: &str) -> Finding {
    let message = format!(
        "{from} failed on the same input ({}), and this run completed instead",
        shorten(reason)
    );
    output_finding(FindingKind::WrongOutput, message, file, None)
}

/// A finding per function whose calls in `ours` end otherwise than the
/// calls of the same labels in `theirs` (a reference program's, called
/// `from`): at the function's first line, naming its first differing call
/// and how many differ.
pub(crate) fn calls_differ(
    ours: &[CallResult],
    theirs: &[CallResult],
    from: &str,
    file: &str,
) -> Vec<Finding> {
    let mut by_function: Vec<(String, Vec<(&CallResult, &CallResult)>)> = Vec::new();
    for mine in ours {
        let Some(other) = theirs.iter().find(|t| t.call == mine.call) else {
            continue;
        };
        if other.ended == mine.ended {
            continue;
        }
        let function = mine
            .call
            .split('(')
            .next()
            .unwrap_or(&mine.call)
            .to_string();
        match by_function.iter_mut().find(|(f, _)| *f == function) {
            Some((_, pairs)) => pairs.push((mine, other)),
            None => by_function.push((function, vec![(mine, other)])),
        }
    }
    let ended = |e: &CallEnd| match e {
        CallEnd::Returned(repr) => format!("returned {}", shorten(repr)),
        CallEnd::Raised(kind) => format!("raised {}", shorten(kind)),
    };
    by_function
        .into_iter()
        .map(|(function, pairs)| {
            let (mine, other) = pairs[0];
            let more = match pairs.len() {
                1 => String::new(),
                n => format!(" ({} calls of {function} differ)", n),
            };
            let message = format!(
                "with `{}` the function {} where {from} {}{more}",
                shorten(&mine.call),
                ended(&mine.ended),
                ended(&other.ended)
            );
            let mut finding = output_finding(FindingKind::WrongOutput, message, file, None);
            if let Some(line) = mine.line {
                finding.line = line;
                finding.end_line = line;
            }
            finding.input = Some(mine.call.clone());
            finding.count = pairs.len() as u64;
            finding
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const E: &str = "the expected output";

    fn ended(call: &str, line: u32, ended: CallEnd) -> CallResult {
        CallResult {
            call: call.to_string(),
            line: Some(line),
            ended,
        }
    }

    #[test]
    fn calls_that_end_otherwise_make_one_finding_per_function() {
        let returned = |r: &str| CallEnd::Returned(r.to_string());
        let raised = |r: &str| CallEnd::Raised(r.to_string());
        let ours = [
            ended("f('')", 3, returned("0.0")),
            ended("f('x')", 3, returned("0.0")),
            ended("f('1')", 3, returned("1.0")),
            ended("g(0)", 9, raised("ZeroDivisionError")),
            ended("h(0)", 12, returned("1")),
        ];
        let theirs = [
            ended("f('')", 1, raised("ValueError")),
            ended("f('x')", 1, raised("ValueError")),
            ended("f('1')", 1, returned("1.0")),
            ended("g(0)", 5, returned("inf")),
        ];
        let found = calls_differ(&ours, &theirs, "the reference r.py", "s.py");
        let summary: Vec<(u32, u64, &str)> = found
            .iter()
            .map(|f| (f.line, f.count, f.message.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    3,
                    2,
                    "with `f('')` the function returned 0.0 where the reference r.py raised ValueError (2 calls of f differ)"
                ),
                (
                    9,
                    1,
                    "with `g(0)` the function raised ZeroDivisionError where the reference r.py returned inf"
                ),
            ]
        );
        // `h(0)`, which the reference did not make, is not compared
        assert!(found.iter().all(|f| f.input.as_deref() != Some("h(0)")));
    }

    #[test]
    fn the_same_output_is_no_finding_whatever_the_last_newline() {
        assert!(check("a\nb\n", "a\nb\n", E, false, "x.py").is_none());
        assert!(check("a\nb", "a\nb\n", E, false, "x.py").is_none());
        assert!(check("", "", E, false, "x.py").is_none());
        assert!(check("a\nb\n", "a\r\nb\r\n", E, false, "x.py").is_none());
        let (crlf, _) = check("a\nc\n", "a\r\nb\r\n", E, false, "x.py").unwrap();
        assert!(
            crlf.message
                .contains("at line 2: `c` was printed where `b` was expected")
        );
    }

    #[test]
    fn the_first_differing_line_is_named_and_the_diff_shows_both() {
        let (finding, diff) =
            check("total 10.00\nok\n", "total 11.00\nok\n", E, false, "x.py").expect("a finding");
        assert_eq!(finding.kind, FindingKind::WrongOutput);
        assert_eq!(
            finding.message,
            "the output differs from the expected output at line 1: `total 10.00` was printed \
             where `total 11.00` was expected"
        );
        assert_eq!(finding.value.unwrap().repr, "total 10.00");
        assert!(diff.contains("-total 11.00\n+total 10.00\n"), "{diff}");
        assert!(diff.starts_with("--- expected\n+++ stdout\n"), "{diff}");
    }

    #[test]
    fn a_run_that_completed_where_the_reference_failed_says_why() {
        let f = completed_instead("ValueError: bad", "the reference r.py", "x.py");
        assert_eq!(f.kind, FindingKind::WrongOutput);
        assert_eq!(
            f.message,
            "the reference r.py failed on the same input (ValueError: bad), and this run \
             completed instead"
        );
    }

    #[test]
    fn missing_and_extra_lines_are_differences() {
        let (short, _) = check("a\n", "a\nb\n", E, false, "x.py").unwrap();
        assert!(
            short
                .message
                .contains("at line 2: nothing was printed where `b`")
        );
        let (long, _) = check(
            "a\nb\n",
            "a\n",
            "the output of the reference r.py",
            true,
            "x.py",
        )
        .unwrap();
        assert!(
            long.message
                .contains("`b` was printed where nothing was expected")
        );
        assert!(
            long.message
                .ends_with("(the output was cut at the output limit)")
        );
    }
}
