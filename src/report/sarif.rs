//! SARIF 2.1.0: one run, a rule per finding kind (with the rule documentation
//! as help), a result per finding, and a tool notification per input that
//! could not be run or failed loudly.

use super::check::CheckEntry;
use super::source::{column_offset, line_at, source_lines};
use super::{Finding, FindingKind, Outcome, Severity};
use serde::Serialize;
use std::path::Path;

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
    precision: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    occurrence_count: Option<u64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<NotificationLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: NotificationPhysical,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationPhysical {
    artifact_location: ArtifactLocation,
}

/// Renders a SARIF 2.1.0 log. Artifact URIs are relative to `base` (the working
/// directory) when the file lies under it.
pub fn render_sarif(entries: &[CheckEntry], base: &Path) -> String {
    let rules: Vec<Rule> = FindingKind::ALL.iter().map(|k| rule(*k)).collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for entry in entries {
        match entry {
            CheckEntry::Unreadable { file, error, .. } => {
                notifications.push(notification(file, error.clone(), base))
            }
            CheckEntry::Ran { report, source } => {
                let lines = source_lines(source, &report.language);
                for f in &report.findings {
                    results.push(SarifResult {
                        rule_id: f.kind.as_str(),
                        rule_index: FindingKind::ALL
                            .iter()
                            .position(|k| *k == f.kind)
                            .unwrap_or(0),
                        level: level(f.severity),
                        message: Text {
                            text: f.message_in_context(),
                        },
                        locations: vec![Location {
                            physical_location: PhysicalLocation {
                                artifact_location: ArtifactLocation {
                                    uri: uri(&f.file, base),
                                },
                                region: Region {
                                    start_line: f.line.max(1),
                                    start_column: code_point_column(&lines, f.line, f.column),
                                    end_line: f.end_line.max(f.line).max(1),
                                    end_column: end_column(&lines, f),
                                },
                            },
                        }],
                        occurrence_count: (f.count > 0).then_some(f.count),
                    });
                }
                if let Some(sentence) = report.probes.as_ref().and_then(|p| p.unfinished_sentence())
                {
                    notifications.push(notification(&report.file, sentence, base));
                }
                if report.outcome != Outcome::Completed {
                    let why = super::failure_reason(report);
                    notifications.push(notification(
                        &report.file,
                        format!("{}: {}", report.outcome.as_str(), why),
                        base,
                    ));
                }
            }
        }
    }
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "candor",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results,
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_string_pretty(&log).expect("a SARIF log serialises") + "\n"
}

/// A finding's column (1-based, in UTF-8 bytes of its line) in Unicode code
/// points, as the log's `columnKind` says; clamped to the line.
/// The column just past the region on its end line, when the guest gave one
/// that ends after the region starts.
fn end_column(lines: &[&str], f: &Finding) -> Option<u32> {
    let after_start = f.end_line > f.line || (f.end_line == f.line && f.end_column > f.column);
    (f.end_column > 0 && after_start).then(|| code_point_column(lines, f.end_line, f.end_column))
}

fn code_point_column(lines: &[&str], line: u32, column: u32) -> u32 {
    match line_at(lines, line) {
        Some(text) => {
            let chars = text[..column_offset(text, column)].chars().count();
            u32::try_from(chars).map_or(u32::MAX, |n| n.saturating_add(1))
        }
        None => column.max(1),
    }
}

fn notification(file: &str, message: String, base: &Path) -> Notification {
    Notification {
        level: "error",
        message: Text {
            text: format!("{file}: {message}"),
        },
        locations: vec![NotificationLocation {
            physical_location: NotificationPhysical {
                artifact_location: ArtifactLocation {
                    uri: uri(file, base),
                },
            },
        }],
    }
}

fn rule(kind: FindingKind) -> Rule {
    let doc = kind.explanation();
    let cwe = kind.cwe();
    let what = section(doc, "What it does");
    let why = section(doc, "Why is this bad?");
    Rule {
        id: kind.as_str(),
        name: kind
            .as_str()
            .split('_')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect(),
        short_description: Text {
            text: first_sentence(&what),
        },
        full_description: Text { text: why },
        help: Help {
            text: doc.to_string(),
            markdown: doc.to_string(),
        },
        default_configuration: Configuration {
            level: level(kind.severity()),
        },
        properties: RuleProperties {
            tags: vec![format!("external/cwe/cwe-{cwe}"), "reliability".to_string()],
            precision: "high",
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The text of `## title` up to the next heading, on one line.
fn section(doc: &str, title: &str) -> String {
    let heading = format!("## {title}");
    let Some(start) = doc.find(&heading) else {
        return String::new();
    };
    let body = &doc[start + heading.len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    body[..end].split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text.to_string(),
    }
}

/// The file as a URI reference relative to `base` when possible (forward slashes, percent-escaped).
fn uri(file: &str, base: &Path) -> String {
    let path = Path::new(file);
    let relative = path.strip_prefix(base).unwrap_or(path);
    let text = relative.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text).to_string();
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_escaped() {
        assert_eq!(uri("/work/x/a b.py", Path::new("/work/x")), "a%20b.py");
        assert_eq!(uri("./src/m.py", Path::new("/else")), "src/m.py");
    }

    #[test]
    fn columns_count_code_points() {
        let lines = ["s = 'é'; x", "ab"];
        assert_eq!(code_point_column(&lines, 1, 11), 10);
        assert_eq!(code_point_column(&lines, 1, 7), 6);
        assert_eq!(code_point_column(&lines, 2, 99), 3);
        assert_eq!(code_point_column(&lines, 9, 4), 4);
        assert_eq!(code_point_column(&lines, 9, 0), 1);
    }

    #[test]
    fn rules_carry_the_documentation() {
        let r = rule(FindingKind::SwallowedException);
        assert_eq!(r.name, "SwallowedException");
        assert!(r.short_description.text.starts_with("Reports an exception"));
        assert!(r.help.markdown.contains("## Use instead"));
        assert_eq!(r.default_configuration.level, "warning");
    }
}
