//! The text rendering: the snippet's output, then diagnostics that read like a
//! compiler's (the source line, a caret, the exception and the value), then a
//! one-line summary.

use super::{Finding, FindingKind, Outcome, Report};
use std::fmt::Write;

/// Renders a report as text. `source` is the snippet's code, for the excerpts.
pub fn render_text(report: &Report, source: &str) -> String {
    let mut out = String::new();
    for (name, text) in [("stdout", &report.stdout), ("stderr", &report.stderr)] {
        if !text.is_empty() {
            let _ = writeln!(out, "── {name} ──");
            out.push_str(text);
            if !text.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    if report.truncated {
        out.push_str("(output cut at the --max-output limit)\n");
    }
    let lines: Vec<&str> = source.lines().collect();
    for finding in &report.findings {
        render_finding(&mut out, finding, &lines);
    }
    if report.instrumentation_tampered {
        let _ = writeln!(
            out,
            "warning: the snippet tampered with candor's instrumentation; findings may be incomplete ({})",
            report.tampering.join("; ")
        );
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// `file: outcome (exit N) in T ms, fuel F, N findings`.
pub fn summary(report: &Report) -> String {
    let mut s = format!("{}: {}", report.file, report.outcome.as_str());
    if let Some(code) = report.exit_code
        && (code != 0 || report.outcome != Outcome::Completed)
    {
        let _ = write!(s, " (exit {code})");
    }
    if let Some(reason) = &report.reason {
        let _ = write!(s, ": {reason}");
    }
    let n = report.findings.len();
    let _ = write!(
        s,
        " in {:.1} ms, fuel {}, {n} finding{}",
        report.duration_ms,
        report.fuel_consumed,
        if n == 1 { "" } else { "s" }
    );
    s
}

/// Writes one finding as a diagnostic with a source excerpt.
pub fn render_finding(out: &mut String, f: &Finding, lines: &[&str]) {
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        f.severity.as_str(),
        f.kind.as_str(),
        f.message
    );
    let _ = writeln!(out, "  --> {}:{}:{}", f.file, f.line, f.column);
    let Some(text) = lines.get(f.line.saturating_sub(1) as usize) else {
        return;
    };
    let number = f.line.to_string();
    let gutter = " ".repeat(number.len());
    let start = (f.column.saturating_sub(1) as usize).min(text.len());
    let underlined = text[start..].trim_end().chars().count().max(1);
    let lead: String = text[..start]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {text}");
    let label = label(f, lines);
    let _ = writeln!(out, "{gutter} | {lead}{} {label}", "^".repeat(underlined));
}

fn label(f: &Finding, lines: &[&str]) -> String {
    match f.kind {
        FindingKind::SwallowedException => match &f.exception {
            Some(e) => match e.line {
                Some(line) => {
                    let raised = lines
                        .get(line.saturating_sub(1) as usize)
                        .map_or("", |l| l.trim());
                    format!("raised at line {line}: {raised}")
                }
                None => format!("caught {}", e.type_name),
            },
            None => "caught here".to_string(),
        },
        FindingKind::FabricatedValue => match &f.value {
            Some(v) => format!("this {} stood in for the real result", v.type_name),
            None => "this value stood in for the real result".to_string(),
        },
        FindingKind::LatentSwallow => "did not fire in this run".to_string(),
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
                exception: Some(ExceptionInfo {
                    type_name: "KeyError".into(),
                    message: "'revenue'".into(),
                    line: Some(4),
                }),
                value: None,
                count: 1,
            }],
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
