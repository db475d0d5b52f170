//! The result of `candor check`: many reports, in path order, with totals.

use super::{Outcome, Report, Severity};
use serde::Serialize;

/// The schema identifier of `candor check --format json`.
pub const CHECK_SCHEMA: &str = "candor.check/v1";

/// One input of a check: a report, or the reason it could not be run.
#[derive(Clone, Debug)]
pub enum CheckEntry {
    /// The file ran (whatever its outcome).
    Ran {
        /// Its report.
        report: Report,
        /// Its source, for text excerpts.
        source: String,
    },
    /// The file could not be run (unreadable, not UTF-8, unknown language, or
    /// candor itself failed).
    Unreadable {
        /// The file as named.
        file: String,
        /// Why.
        error: String,
        /// Whether candor failed rather than the input (exit 5, not 2).
        internal: bool,
    },
}

impl CheckEntry {
    /// The file this entry is about.
    pub fn file(&self) -> &str {
        match self {
            CheckEntry::Ran { report, .. } => &report.file,
            CheckEntry::Unreadable { file, .. } => file,
        }
    }
}

/// Counts over a check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Inputs considered.
    pub files: usize,
    /// Runs that completed.
    pub completed: usize,
    /// Runs that failed loudly.
    pub failed: usize,
    /// Runs stopped by a limit.
    pub limit_hit: usize,
    /// Inputs that could not be run.
    pub unreadable: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Totals {
    /// Counts `entries`.
    pub fn of(entries: &[CheckEntry]) -> Totals {
        let mut t = Totals {
            files: entries.len(),
            ..Totals::default()
        };
        for entry in entries {
            match entry {
                CheckEntry::Unreadable { .. } => t.unreadable += 1,
                CheckEntry::Ran { report, .. } => {
                    match report.outcome {
                        Outcome::Completed => t.completed += 1,
                        Outcome::Failed => t.failed += 1,
                        _ => t.limit_hit += 1,
                    }
                    for f in &report.findings {
                        match f.severity {
                            Severity::Error => t.errors += 1,
                            Severity::Warning => t.warnings += 1,
                            Severity::Info => t.infos += 1,
                        }
                    }
                }
            }
        }
        t
    }

    /// Findings of any severity.
    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

#[derive(Serialize)]
struct Unreadable<'a> {
    file: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    schema: &'static str,
    reports: Vec<&'a Report>,
    unreadable: Vec<Unreadable<'a>>,
    totals: Totals,
}

/// `candor check --format json`: `{"schema": "candor.check/v1", "reports", "unreadable", "totals"}`.
pub fn render_check_json(entries: &[CheckEntry]) -> String {
    let doc = CheckJson {
        schema: CHECK_SCHEMA,
        reports: entries
            .iter()
            .filter_map(|e| match e {
                CheckEntry::Ran { report, .. } => Some(report),
                CheckEntry::Unreadable { .. } => None,
            })
            .collect(),
        unreadable: entries
            .iter()
            .filter_map(|e| match e {
                CheckEntry::Unreadable { file, error, .. } => Some(Unreadable { file, error }),
                CheckEntry::Ran { .. } => None,
            })
            .collect(),
        totals: Totals::of(entries),
    };
    serde_json::to_string_pretty(&doc).expect("a check serialises") + "\n"
}
