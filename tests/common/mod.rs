//! Helpers shared by the integration tests: run the real `candor` binary.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// What one `candor` invocation did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout parsed as a JSON report.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// A fresh directory for one test's files.
pub fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Runs `candor ARGS` in `dir`, with `env` added to a scrubbed environment.
pub fn candor_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_candor"));
    cmd.args(args).current_dir(dir).stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("candor runs");
    Run {
        code: status
            .code()
            .expect("candor exits with a code, not a signal"),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Writes `code` to `dir/name` and runs `candor run name --format json EXTRA...` there.
pub fn run_snippet(dir: &Path, name: &str, code: &str, extra: &[&str]) -> Run {
    std::fs::write(dir.join(name), code).unwrap();
    let mut args = vec!["run", name, "--format", "json"];
    args.extend_from_slice(extra);
    candor_in(dir, &args, &[])
}

/// Asserts that `text` contains `needle`, and shows `text` when it does not.
#[track_caller]
pub fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "{needle:?} is missing from:\n{text}");
}

/// Asserts that a run's JSON report has `outcome`, and returns the report.
#[track_caller]
pub fn assert_outcome(run: &Run, outcome: &str) -> serde_json::Value {
    let report = run.json();
    assert_eq!(
        report["outcome"], outcome,
        "report: {report:#}\nstderr: {}",
        run.stderr
    );
    report
}

/// The `kind` of each finding of a JSON report, in its order.
pub fn finding_kinds(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("a report without findings: {report:#}"))
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}
