//! The text rendering: the snippet's output, then diagnostics that read like a
//! compiler's (the source line, a caret, the exception and the value), then a
//! one-line summary.

use super::escape::{escape_block, escape_line, line_width, shorten};
use super::source::{column_offset, line_at, source_lines};
use super::{CheckEntry, Finding, FindingKind, Outcome, Report, Totals};
use std::fmt::Write;

/// Renders a report as text. `source` is the snippet's code, for the excerpts.
/// Everything the snippet controls is escaped (see [`escape_line`]).
pub fn render_text(report: &Report, source: &str) -> String {
    let mut out = String::new();
    for (name, text) in [("stdout", &report.stdout), ("stderr", &report.stderr)] {
        if !text.is_empty() {
            let _ = writeln!(out, "── {name} ──");
            out.push_str(&escape_block(text));
            if !text.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    if report.truncated {
        out.push_str("(output cut at the --max-output limit)\n");
    }
    let lines = source_lines(source, &report.language);
    for finding in &report.findings {
        render_finding(&mut out, finding, &lines);
    }
    if let Some(probes) = &report.probes {
        let _ = writeln!(
            out,
            "probed: {} call{} of the snippet's functions in a run of their own ({:.1} ms: the snippet's code again, then the calls); {} raised out of the function (what a correct function does on bad input){}",
            probes.calls,
            if probes.calls == 1 { "" } else { "s" },
            probes.duration_ms,
            probes.raised.len(),
            if probes.raised.is_empty() { "" } else { ":" }
        );
        for raised in probes.raised.iter().take(5) {
            let _ = writeln!(
                out,
                "  {} raised {}",
                escape_line(&raised.call),
                escape_line(&raised.exception)
            );
        }
        if probes.raised.len() > 5 {
            let _ = writeln!(out, "  and {} more", probes.raised.len() - 5);
        }
        if probes.shared_state {
            out.push_str(
                "  the calls shared some of the snippet's state, too large to put back after \
                 each call: a call may have seen what earlier calls changed\n",
            );
        }
        if let Some(sentence) = probes.unfinished_sentence() {
            let _ = writeln!(out, "  {}", escape_line(&sentence));
        }
        if probes.not_made > 0 {
            use crate::report::ProbeStop;
            let why = match probes.stopped_by {
                Some(ProbeStop::Budget) => "the probe budget ran out (--probe-budget)",
                Some(ProbeStop::Memory) => {
                    "the calls grew the memory near its limit (--memory): each call starts from \
                     the memory the snippet's run left, and what a call grew cannot be given back"
                }
                Some(ProbeStop::RunEnded) => "the calls' run ended first",
                _ => "their arguments could not be made",
            };
            let _ = writeln!(
                out,
                "  {} more call{} not made: {why}",
                probes.not_made,
                if probes.not_made == 1 { "" } else { "s" }
            );
        }
    }
    if let Some(diff) = &report.output_diff {
        out.push_str("── expected output → stdout ──\n");
        out.push_str(&escape_block(diff));
        if !diff.ends_with('\n') {
            out.push('\n');
        }
    }
    if report.instrumentation_tampered {
        let _ = writeln!(
            out,
            "warning: the snippet tampered with candor's instrumentation; findings may be incomplete ({})",
            escape_line(&report.tampering.join("; "))
        );
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// `candor check`'s text: each file's findings and summary (or why it could
/// not run), then the totals.
pub fn render_check_text(entries: &[CheckEntry]) -> String {
    let mut out = String::new();
    for entry in entries {
        match entry {
            CheckEntry::Unreadable { file, error, .. } => {
                let _ = writeln!(out, "error: {}: {}", escape_line(file), escape_line(error));
            }
            CheckEntry::Ran { report, source } => {
                let lines = source_lines(source, &report.language);
                for f in &report.findings {
                    render_finding(&mut out, f, &lines);
                }
                out.push_str(&summary(report));
                out.push('\n');
            }
        }
    }
    let t = Totals::of(entries);
    let _ = writeln!(
        out,
        "checked {}: {} completed, {} failed, {} hit a limit, {} unreadable; {}, {}, {}",
        counted(t.files, "file", "files"),
        t.completed,
        t.failed,
        t.limit_hit,
        t.unreadable,
        counted(t.errors, "error", "errors"),
        counted(t.warnings, "warning", "warnings"),
        counted(t.infos, "info", "infos"),
    );
    out
}

/// `1 error`, `2 errors`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `file: outcome (exit N): reason in T ms, fuel F, N findings`. A run that
/// did not complete always says why (see [`super::failure_reason`]).
pub fn summary(report: &Report) -> String {
    let mut s = format!("{}: {}", escape_line(&report.file), report.outcome.as_str());
    if let Some(code) = report.exit_code
        && (code != 0 || report.outcome != Outcome::Completed)
    {
        let _ = write!(s, " (exit {code})");
    }
    let reason = if report.outcome == Outcome::Completed {
        report.reason.clone()
    } else {
        Some(super::failure_reason(report))
    };
    if let Some(reason) = reason {
        let _ = write!(s, ": {}", escape_line(&reason));
    }
    let _ = write!(
        s,
        " in {:.1} ms, fuel {}, {}",
        report.duration_ms,
        report.fuel_consumed,
        counted(report.findings.len(), "finding", "findings")
    );
    s
}

/// Writes one finding as a diagnostic with a source excerpt. `lines` are the
/// snippet's lines as [`source_lines`] splits them; a line or column outside
/// them shows no excerpt or a clamped caret, never a panic.
pub fn render_finding(out: &mut String, f: &Finding, lines: &[&str]) {
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        f.severity.as_str(),
        f.kind.as_str(),
        escape_line(&f.message)
    );
    if f.kind.is_about_output() {
        // about the output, not a line of the source (a diff follows the findings)
        let _ = writeln!(out, "  --> {}", escape_line(&f.file));
        return;
    }
    let _ = writeln!(
        out,
        "  --> {}:{}:{}",
        escape_line(&f.file),
        f.line,
        f.column
    );
    let Some(text) = line_at(lines, f.line) else {
        strict_note(out, f, "  ");
        return;
    };
    let number = f.line.to_string();
    let gutter = " ".repeat(number.len());
    let start = column_offset(text, f.column);
    let end = if f.end_line == f.line && f.end_column > f.column {
        column_offset(text, f.end_column).max(start)
    } else {
        // a span that goes on past this line: the line's code, not its comment
        code_end(text).max(start)
    };
    let underlined = text[start..end]
        .trim_end()
        .chars()
        .map(line_width)
        .sum::<usize>()
        .max(1);
    let mut lead = String::new();
    for c in text[..start].chars() {
        if c == '\t' {
            lead.push('\t');
        } else {
            lead.extend(std::iter::repeat_n(' ', line_width(c)));
        }
    }
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {}", escape_line(text));
    let label = label(f, lines);
    let _ = writeln!(out, "{gutter} | {lead}{} {label}", "^".repeat(underlined));
    strict_note(out, f, &gutter);
}

/// What the strict re-run showed, under the excerpt.
fn strict_note(out: &mut String, f: &Finding, gutter: &str) {
    if let Some(input) = &f.input {
        let _ = writeln!(out, "{gutter} = with: {}", escape_line(input));
    }
    if let Some(check) = &f.strict {
        let _ = writeln!(out, "{gutter} = strict: {}", escape_line(&check.detail));
    }
}

/// Where the code of `text` ends: before a trailing comment (`#`, `//` or
/// `/*` outside a string), else at its end. The languages' comment markers
/// do not clash on a handler's first line, the only text this reads.
fn code_end(text: &str) -> usize {
    let mut quote = None;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '#' => return at,
            '/' if matches!(text[at + 1..].chars().next(), Some('/' | '*')) => return at,
            _ => {}
        }
    }
    text.len()
}

fn label(f: &Finding, lines: &[&str]) -> String {
    match f.kind {
        FindingKind::SwallowedException => match &f.exception {
            Some(e) => match e.line {
                Some(line) => {
                    let raised = line_at(lines, line).map_or("", str::trim);
                    format!("raised at line {line}: {}", escape_line(&shorten(raised)))
                }
                None => format!("caught {}", escape_line(&e.type_name)),
            },
            None => "caught here".to_string(),
        },
        FindingKind::FabricatedValue => match &f.value {
            Some(v) => format!(
                "this {} stood in for the real result",
                escape_line(&v.type_name)
            ),
            None => "this value stood in for the real result".to_string(),
        },
        FindingKind::LatentSwallow => "did not fire in this run".to_string(),
        FindingKind::CompilerWarning => "the compiler warned here".to_string(),
        FindingKind::DataCoerced => "no error was raised here".to_string(),
        FindingKind::WrongOutput => "the output differs from the expected output".to_string(),
        FindingKind::NondeterministicOutput => "the output differs between runs".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ExceptionInfo, RuntimeInfo, Severity};

    #[test]
    fn renders_a_diagnostic_with_a_caret_and_the_raise_site() {
        let source = "rows = [{}]\nfor row in rows:\n    try:\n        v = row[\"revenue\"]\n    except KeyError:\n        v = 0.0\n";
        let report = Report {
            schema: crate::REPORT_SCHEMA.into(),
            file: "r.py".into(),
            language: "python".into(),
            runtime: RuntimeInfo {
                name: "cpython".into(),
                version: "3.14.0".into(),
            },
            outcome: Outcome::Completed,
            reason: None,
            exit_code: Some(0),
            stdout: String::new(),
            stderr: String::new(),
            truncated: false,
            fuel_consumed: 10,
            duration_ms: 1.0,
            instrumentation_tampered: false,
            tampering: vec![],
            findings: vec![Finding {
                kind: FindingKind::SwallowedException,
                severity: Severity::Warning,
                message: "KeyError('revenue') was caught and dropped".into(),
                file: "r.py".into(),
                line: 5,
                column: 5,
                end_line: 6,
                end_column: 0,
                exception: Some(ExceptionInfo {
                    type_name: "KeyError".into(),
                    message: "'revenue'".into(),
                    line: Some(4),
                }),
                value: None,
                count: 1,
                strict: None,
                input: None,
            }],
            output_diff: None,
            probes: None,
        };
        let text = render_text(&report, source);
        assert!(text.contains("warning[swallowed_exception]: KeyError('revenue') was caught and dropped\n  --> r.py:5:5\n"), "{text}");
        assert!(text.contains("5 |     except KeyError:\n  |     ^^^^^^^^^^^^^^^^ raised at line 4: v = row[\"revenue\"]\n"), "{text}");
        assert!(
            text.ends_with("r.py: completed in 1.0 ms, fuel 10, 1 finding\n"),
            "{text}"
        );
    }
}
