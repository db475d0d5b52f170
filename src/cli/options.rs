//! Flags shared by `run` and `check`: limits, failure policy, output format.

use candor::{Limits, Severity};
use clap::{Args, ValueEnum};
use std::time::Duration;

/// Resource limits, applied to each run.
#[derive(Args, Clone, Debug)]
pub(crate) struct LimitArgs {
    /// CPU budget in fuel units (~1e10 per second of CPython) [default: 1e11]
    #[arg(long, value_name = "N", value_parser = fuel)]
    pub(crate) fuel: Option<u64>,
    /// Wall-clock limit, e.g. 10s, 500ms, 2m [default: 10s]
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    pub(crate) timeout: Option<Duration>,
    /// Linear memory limit, e.g. 512MiB, 1GiB [default: 512MiB]
    #[arg(long, value_name = "SIZE", value_parser = size)]
    pub(crate) memory: Option<u64>,
    /// Bytes of stdout and of stderr kept, each, e.g. 1MiB [default: 1MiB]
    #[arg(long = "max-output", value_name = "SIZE", value_parser = size)]
    pub(crate) max_output: Option<u64>,
}

impl LimitArgs {
    pub(crate) fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            fuel: self.fuel.unwrap_or(d.fuel),
            timeout: self.timeout.unwrap_or(d.timeout),
            memory: self.memory.unwrap_or(d.memory),
            max_output: self.max_output.unwrap_or(d.max_output),
        }
    }
}

fn fuel(s: &str) -> Result<u64, String> {
    candor::parse_fuel(s).map_err(|e| e.to_string())
}
fn duration(s: &str) -> Result<Duration, String> {
    candor::parse_duration(s).map_err(|e| e.to_string())
}
fn size(s: &str) -> Result<u64, String> {
    candor::parse_size(s).map_err(|e| e.to_string())
}

/// `--fail-on`: the lowest severity that makes the exit code 1.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub(crate) fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Parses `K=V`.
pub(crate) fn env_pair(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!(
            "invalid environment variable {s:?}: expected KEY=VALUE"
        )),
    }
}

/// Tells the user, on stderr, why the first run of a runtime pauses.
pub(crate) fn compile_notice(language: candor::Language, path: &std::path::Path) {
    eprintln!(
        "candor: compiling the {} runtime once (a few seconds to ~20 s); it is cached at {}",
        language.name(),
        path.display()
    );
}
