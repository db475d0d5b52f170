//! The report of a run (`candor.report/v1`) and its renderings.

mod check;
mod escape;
mod github;
mod junit;
mod sarif;
mod source;
mod strict;
mod text;
mod uncaught;

pub use check::{CHECK_SCHEMA, CheckEntry, Totals, render_check_json};
pub(crate) use escape::shorten_to;
pub use escape::{escape_block, escape_line, shorten};
pub use github::render_github;
pub use junit::render_junit;
pub use sarif::render_sarif;
pub use source::source_lines;
pub use strict::{MAX_STRICT_RUNS, StrictCheck, StrictEffect};
pub(crate) use strict::{attach as attach_strict, groups as strict_groups};
pub use text::{render_check_text, render_finding, render_text, summary};
use uncaught::uncaught;

use serde::{Deserialize, Serialize};

/// The schema identifier written into every JSON report.
pub const REPORT_SCHEMA: &str = "candor.report/v1";

/// How a run ended. New outcomes may be added: a `match` needs a `_` arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The snippet ran to the end and exited with status 0.
    Completed,
    /// The snippet failed loudly: an uncaught exception, a syntax error, a non-zero exit or a trap.
    Failed,
    /// The fuel budget (CPU) ran out.
    FuelExhausted,
    /// The wall-clock limit was reached.
    TimedOut,
    /// The guest tried to grow its memory past the limit.
    MemoryExceeded,
}

impl Outcome {
    /// True for the outcomes that mean a resource limit was hit.
    pub fn is_limit(self) -> bool {
        matches!(
            self,
            Outcome::FuelExhausted | Outcome::TimedOut | Outcome::MemoryExceeded
        )
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Failed => "failed",
            Outcome::FuelExhausted => "fuel_exhausted",
            Outcome::TimedOut => "timed_out",
            Outcome::MemoryExceeded => "memory_exceeded",
        }
    }
}

pub use crate::kinds::{FindingKind, Severity};

/// The exception behind a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExceptionInfo {
    /// Its type name (`KeyError`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// Its message (`'revenue'`).
    pub message: String,
    /// The line of the snippet it was raised at, when known.
    pub line: Option<u32>,
}

/// The value that stood in for a real result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueInfo {
    /// Its type name (`float`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// A short repr of it (`0.0`).
    pub repr: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Which rule fired.
    pub kind: FindingKind,
    /// How serious it is.
    pub severity: Severity,
    /// One sentence saying what happened.
    pub message: String,
    /// The snippet's file name as given.
    pub file: String,
    /// 1-based line of the handler, or of the substituted value.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// Last line of the handler or value.
    pub end_line: u32,
    /// 1-based column just past the end of the handler or value on
    /// `end_line`, in bytes as `column` is; 0 when the guest did not say.
    #[serde(default)]
    pub end_column: u32,
    /// The exception that was caught, when the handler fired.
    pub exception: Option<ExceptionInfo>,
    /// The value that stood in, for `fabricated_value`.
    pub value: Option<ValueInfo>,
    /// How many times it happened during the run (0 for `latent_swallow`).
    pub count: u64,
    /// What the strict re-run showed (`--strict`), when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<StrictCheck>,
    /// The probe call that made it happen (`parse('')`), when `candor probe`
    /// called the snippet's function to make a handler fire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
}

/// The guest runtime that ran a snippet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuntimeInfo {
    /// `cpython`.
    pub name: String,
    /// Its version (`3.14.0`).
    pub version: String,
}

/// Everything candor knows about one run. Serialises to `candor.report/v1`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`REPORT_SCHEMA`].
    pub schema: String,
    /// The snippet's file name as given (`-` for stdin).
    pub file: String,
    /// `python`.
    pub language: String,
    /// The guest runtime.
    pub runtime: RuntimeInfo,
    /// How the run ended.
    pub outcome: Outcome,
    /// Why it did not complete, in words: the limit or trap, the uncaught
    /// exception's line, or the exit status; None for a completed run.
    pub reason: Option<String>,
    /// The snippet's exit status (1 for an uncaught exception); None when a limit stopped it.
    pub exit_code: Option<i32>,
    /// What it printed to stdout (lossy UTF-8), up to the output limit.
    pub stdout: String,
    /// What it printed to stderr (lossy UTF-8), up to the output limit.
    pub stderr: String,
    /// True when stdout or stderr went over the output limit and was cut.
    pub truncated: bool,
    /// Fuel the run used.
    pub fuel_consumed: u64,
    /// Wall-clock time of the run, in milliseconds.
    pub duration_ms: f64,
    /// True when the snippet interfered with candor's instrumentation: the
    /// findings may then be incomplete.
    pub instrumentation_tampered: bool,
    /// What the tampering was, when there was any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tampering: Vec<String>,
    /// The findings, ordered by line.
    pub findings: Vec<Finding>,
    /// When stdout was not the expected output ([`crate::probe::Expected`]):
    /// a unified diff, expected then actual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_diff: Option<String>,
    /// What the calls of the snippet's functions did, when `candor probe`
    /// made them ([`crate::probe::Probes::calls`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probes: Option<ProbeCalls>,
}

impl Finding {
    /// The message with what the report keeps beside it: what `--strict`
    /// saw the exception do, and the probe call that made it happen; for
    /// the formats that carry one line of text per finding (SARIF, JUnit,
    /// GitHub annotations).
    pub fn message_in_context(&self) -> String {
        let mut text = self.message.clone();
        if let Some(check) = &self.strict {
            text = format!("{text} ({})", check.detail);
        }
        if let Some(input) = &self.input {
            text = format!("{text}; with: {input}");
        }
        text
    }
}

impl ProbeCalls {
    /// The sentence that says the calls' run ended in a call, when it did:
    /// "the probe calls' run ended in parse(''): fuel budget of … exhausted".
    pub fn unfinished_sentence(&self) -> Option<String> {
        self.unfinished
            .as_ref()
            .map(|u| format!("the probe calls' run ended in {}: {}", u.call, u.reason))
    }
}

/// What `candor probe`'s calls of a snippet's functions did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProbeCalls {
    /// Calls made.
    pub calls: u64,
    /// Calls left unmade, for the reason `stopped_by` gives.
    #[serde(default)]
    pub not_made: u64,
    /// Why calls were left unmade, when some were and the reason is known
    /// (a call whose arguments could not be made is left unmade with none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_by: Option<ProbeStop>,
    /// The call the calls' run ended in, and why, when it ended before the
    /// calls did (a limit: a call that loops on its input runs out of fuel
    /// or time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfinished: Option<UnfinishedCall>,
    /// The calls shared some of the snippet's state: what one call changed
    /// (a module-level variable, a cache) a later call may have seen. Each
    /// call starts from the state the snippet's run left unless that is too
    /// large to keep between calls: in JavaScript a memory over 64 MiB, in
    /// Python a module-level container a call changed the size of that held
    /// over 10 000 items (or did not copy).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared_state: bool,
    /// Wall-clock time of the run that made them (the snippet's own code
    /// included), in milliseconds.
    #[serde(default)]
    pub duration_ms: f64,
    /// Calls whose function raised an exception out of itself: for bad
    /// input, what a correct function does (not a finding).
    pub raised: Vec<RaisedOn>,
    /// How each call ended, for a comparison with a reference's calls.
    #[serde(skip)]
    pub(crate) results: Vec<CallResult>,
}

/// How a probe call ended, as the guest told (for the comparison with a
/// reference's calls; not in the report's JSON).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CallResult {
    /// The call, as source (`parse('')`).
    pub(crate) call: String,
    /// The first line of the function called.
    pub(crate) line: Option<u32>,
    pub(crate) ended: CallEnd,
}

/// See [`CallResult`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CallEnd {
    /// It returned a value, of this short repr.
    Returned(String),
    /// It raised an exception of this type out of the function.
    Raised(String),
}

/// Why a probe made fewer calls than it listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProbeStop {
    /// The probe budget (`--probe-budget`) ran out.
    Budget,
    /// The calls grew the guest's memory near its limit: each call starts
    /// from the memory the snippet's run left, and what a call grew cannot be
    /// given back (JavaScript; the calls stop while twice the most one call
    /// grew, and 16 MiB, are left under the limit).
    Memory,
    /// The calls' run ended before the calls did: a limit, or the snippet
    /// ended the process (see [`ProbeCalls::unfinished`]).
    RunEnded,
}

/// The probe call a run ended in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfinishedCall {
    /// The call, as source: `parse('')`.
    pub call: String,
    /// Why the run ended, in words (the report's `reason` for such a run).
    pub reason: String,
}

/// A probe call whose function raised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisedOn {
    /// The call, as source (`average([])`).
    pub call: String,
    /// The exception's type (`ValueError`).
    pub exception: String,
}

/// Why a run did not complete, in one line: its `reason` (a limit, a trap, the
/// uncaught exception), else what [`explain_outcome`] reads from its output.
pub fn failure_reason(report: &Report) -> String {
    report
        .reason
        .clone()
        .or_else(|| explain_outcome(report))
        .unwrap_or_else(|| report.outcome.as_str().to_string())
}

/// The reason of a run that did not complete, from how it ended: for a run
/// that exited with status 1, the uncaught exception's line as the guest
/// printed it (`ZeroDivisionError: division by zero`, shortened to keep its
/// head and tail), else `exited with status N`. None for a completed run.
pub fn explain_outcome(report: &Report) -> Option<String> {
    if report.outcome == Outcome::Completed {
        return None;
    }
    if report.exit_code == Some(1)
        && let Some(found) = uncaught(&report.stderr, &report.file)
    {
        return Some(shorten(found.text.trim()).into_owned());
    }
    Some(match report.exit_code {
        Some(code) => format!("exited with status {code}"),
        None => report.outcome.as_str().to_string(),
    })
}

/// The snippet line the uncaught exception of a failed run (one that exited
/// with status 1) was raised at, when its output says so.
pub fn failure_line(report: &Report) -> Option<u32> {
    if report.outcome != Outcome::Failed || report.exit_code != Some(1) {
        return None;
    }
    uncaught(&report.stderr, &report.file).and_then(|u| u.line)
}

impl Report {
    /// The most serious finding's severity, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
