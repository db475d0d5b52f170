//! JUnit XML: a testcase per file, a `<failure>` per finding at or above the
//! failure threshold, and one for a loud failure or a limit hit.

use super::check::CheckEntry;
use super::escape::escape_block;
use super::{Outcome, Severity};
use std::fmt::Write;

/// Renders the check as one `<testsuite>` inside `<testsuites>`.
pub fn render_junit(entries: &[CheckEntry], fail_on: Option<Severity>) -> String {
    let mut cases = String::new();
    let (mut failures, mut errors, mut total_ms) = (0usize, 0usize, 0.0f64);
    for entry in entries {
        match entry {
            CheckEntry::Unreadable { file, error, .. } => {
                errors += 1;
                let _ = writeln!(
                    cases,
                    "    <testcase classname=\"candor\" name=\"{}\" time=\"0\">\n      <error message=\"{}\" type=\"unreadable\"/>\n    </testcase>",
                    escape(file),
                    escape(error)
                );
            }
            CheckEntry::Ran { report, .. } => {
                total_ms += report.duration_ms;
                let _ = writeln!(
                    cases,
                    "    <testcase classname=\"candor\" name=\"{}\" file=\"{}\" time=\"{:.3}\">",
                    escape(&report.file),
                    escape(&report.file),
                    report.duration_ms / 1000.0
                );
                let mut failed = false;
                if report.outcome != Outcome::Completed {
                    failed = true;
                    let why = super::failure_reason(report);
                    let _ = writeln!(
                        cases,
                        "      <failure message=\"{}: {}\" type=\"{}\">{}</failure>",
                        report.outcome.as_str(),
                        escape(&why),
                        report.outcome.as_str(),
                        escape(&report.stderr)
                    );
                }
                for f in &report.findings {
                    if fail_on.is_some_and(|level| f.severity >= level) {
                        failed = true;
                        let message = escape(&f.message_in_context());
                        let _ = writeln!(
                            cases,
                            "      <failure message=\"{}\" type=\"{}\">{}:{}:{}: {}[{}] {}</failure>",
                            message,
                            f.kind.as_str(),
                            escape(&f.file),
                            f.line,
                            f.column,
                            f.severity.as_str(),
                            f.kind.as_str(),
                            message
                        );
                    }
                }
                if failed {
                    failures += 1;
                }
                cases.push_str("    </testcase>\n");
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"candor\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{t:.3}\">\n  <testsuite name=\"candor check\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{t:.3}\">\n{cases}  </testsuite>\n</testsuites>\n",
        n = entries.len(),
        t = total_ms / 1000.0,
    )
}

/// Escapes text for XML attributes and content. Characters XML 1.0 forbids
/// (most C0 controls, U+FFFE, U+FFFF), and the other controls and
/// bidirectional overrides text output escapes, are shown as `\u{…}`, so the
/// document stays well-formed and keeps what the snippet wrote.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in escape_block(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\u{FFFE}' | '\u{FFFF}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            super::escape("<a href='x'>&\"\x1b\u{0}\r\n\t\u{FFFF}"),
            "&lt;a href=&apos;x&apos;&gt;&amp;&quot;\\u{1b}\\u{0}\\u{d}&#10;&#9;\\u{ffff}"
        );
    }
}
