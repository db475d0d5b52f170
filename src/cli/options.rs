//! Flags shared by `run` and `check`: limits, failure policy, output format.

use candor::{Limits, Severity};
use clap::{Args, ValueEnum};
use std::time::Duration;

/// Resource limits, applied to each run. Each value is checked against the
/// range [`Limits::validate`] allows as it is parsed, so that an out-of-range
/// one is a usage error naming its flag.
#[derive(Args, Clone, Debug)]
pub(crate) struct LimitArgs {
    /// CPU budget in fuel units (~1e10 per second of CPython) [default: 1e11]
    #[arg(long, value_name = "N", value_parser = fuel, allow_negative_numbers = true)]
    pub(crate) fuel: Option<u64>,
    /// Wall-clock limit, e.g. 10s, 500ms, 2m; at most 1 day [default: 10s]
    #[arg(long, value_name = "DURATION", value_parser = timeout, allow_negative_numbers = true)]
    pub(crate) timeout: Option<Duration>,
    /// Linear memory limit, e.g. 512MiB, 1GiB; 1MiB to 4GiB [default: 512MiB]
    #[arg(long, value_name = "SIZE", value_parser = memory, allow_negative_numbers = true)]
    pub(crate) memory: Option<u64>,
    /// Bytes of stdout and of stderr kept, each, e.g. 1MiB; at most 1GiB [default: 1MiB]
    #[arg(long = "max-output", value_name = "SIZE", value_parser = max_output, allow_negative_numbers = true)]
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

/// `value`, if the default limits with `value` put in by `set` are valid.
fn in_range<T: Copy>(value: T, set: impl FnOnce(&mut Limits, T)) -> Result<T, String> {
    let mut limits = Limits::default();
    set(&mut limits, value);
    limits.validate().map(|()| value).map_err(|e| e.to_string())
}

fn fuel(s: &str) -> Result<u64, String> {
    let v = super::values::parse_fuel(s)?;
    in_range(v, |l, v| l.fuel = v)
}
fn timeout(s: &str) -> Result<Duration, String> {
    let v = super::values::parse_duration(s)?;
    in_range(v, |l, v| l.timeout = v)
}
/// `--probe-budget`: a duration above zero.
pub(crate) fn probe_budget(s: &str) -> Result<Duration, String> {
    let v = super::values::parse_duration(s)?;
    if v.is_zero() {
        return Err("a probe budget of zero would make no call".into());
    }
    Ok(v)
}
fn memory(s: &str) -> Result<u64, String> {
    let v = super::values::parse_size(s)?;
    in_range(v, |l, v| l.memory = v)
}
fn max_output(s: &str) -> Result<u64, String> {
    let v = super::values::parse_size(s)?;
    in_range(v, |l, v| l.max_output = v)
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

/// Parses `K=V` (split at the first `=`) into an environment variable the
/// guest can take.
pub(crate) fn env_pair(s: &str) -> Result<(String, String), String> {
    let Some((k, v)) = s.split_once('=') else {
        return Err(format!(
            "invalid environment variable {s:?}: expected KEY=VALUE"
        ));
    };
    super::guest_input::check_env(k, v)?;
    Ok((k.to_string(), v.to_string()))
}

/// Parses `--mount HOST_DIR[:GUEST_DIR]`.
pub(crate) fn mount(s: &str) -> Result<candor::Mount, String> {
    candor::Mount::parse(s).map_err(|e| e.to_string())
}

/// Parses an argument for the guest.
pub(crate) fn guest_arg(s: &str) -> Result<String, String> {
    super::guest_input::check_arg(s).map(|()| s.to_string())
}

/// Tells the user, on stderr, why the first run of a runtime pauses.
pub(crate) fn compile_notice(language: candor::Language, path: &std::path::Path) {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if name.starts_with("pandas-") {
        eprintln!(
            "candor: preparing the python-data runtime: importing numpy and pandas once, so that runs start with them (~1-3 min, once); it is kept at {}",
            path.display()
        );
    } else if name.starts_with("python-data-") {
        eprintln!(
            "candor: compiling the python-data runtime for this build of candor (~5 min, once); it is cached at {}",
            path.display()
        );
    } else if language.compiler().is_some() {
        eprintln!(
            "candor: building zig's C and C++ libraries for WebAssembly once (about 1-2 minutes); they are cached at {}",
            path.display()
        );
    } else {
        eprintln!(
            "candor: compiling the {} runtime once (a few seconds to ~20 s); it is cached at {}",
            language.name(),
            path.display()
        );
    }
}
