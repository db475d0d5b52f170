//! GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
//!
//! Values are escaped as GitHub's toolkit does (`%` → `%25`, `\r` → `%0D`,
//! `\n` → `%0A`, and in properties also `:` → `%3A`, `,` → `%2C`), once the
//! control characters but `\n` and `\t` (so `\r` too) and the bidirectional
//! overrides were shown as `\u{…}`: whatever a snippet prints, each annotation
//! stays one command line and shows no terminal escapes. An annotation for a
//! file that failed points at the line its uncaught exception was raised at,
//! else at line 1.

use super::check::CheckEntry;
use super::escape::escape_block;
use super::{Outcome, Severity};
use std::fmt::Write;

/// One annotation per finding, and per loud failure or unreadable input.
pub fn render_github(entries: &[CheckEntry]) -> String {
    let mut out = String::new();
    for entry in entries {
        match entry {
            CheckEntry::Unreadable { file, error, .. } => {
                let _ = writeln!(
                    out,
                    "::error file={},line=1::{}",
                    property(file),
                    data(error)
                );
            }
            CheckEntry::Ran { report, .. } => {
                for f in &report.findings {
                    let command = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    let _ = writeln!(
                        out,
                        "::{command} file={},line={},col={},endLine={},title={}::{}",
                        property(&f.file),
                        f.line,
                        f.column,
                        f.end_line,
                        property(&format!("candor {}", f.kind.as_str())),
                        data(&f.message_in_context())
                    );
                }
                if let Some(sentence) = report.probes.as_ref().and_then(|p| p.unfinished_sentence())
                {
                    let _ = writeln!(
                        out,
                        "::notice file={},line=1,title=candor probe::{}",
                        property(&report.file),
                        data(&sentence)
                    );
                }
                if report.outcome != Outcome::Completed {
                    let why = super::failure_reason(report);
                    let _ = writeln!(
                        out,
                        "::error file={},line={},title={}::{}",
                        property(&report.file),
                        super::failure_line(report).unwrap_or(1).max(1),
                        property(&format!("candor {}", report.outcome.as_str())),
                        data(&format!("{}: {why}", report.outcome.as_str()))
                    );
                }
            }
        }
    }
    out
}

/// Escapes a message (the part after `::`).
fn data(text: &str) -> String {
    escape_block(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=…`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(super::property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(super::data("a\x1b[8m\r\n"), "a\\u{1b}[8m\\u{d}%0A");
    }
}
