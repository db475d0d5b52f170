//! Exit codes (DESIGN.md) and the errors that end the command.

use candor::{Outcome, Report, Severity};
use std::io::Write;
use std::process::ExitCode;

/// How the command ends. The numeric values are the documented exit codes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Exit {
    /// 0: no finding at or above `--fail-on`.
    Clean,
    /// 1: findings at or above `--fail-on`.
    Findings,
    /// 2: bad usage or unreadable input.
    Usage(String),
    /// 3: the snippet failed loudly (uncaught exception, non-zero exit).
    SnippetFailed,
    /// 4: a resource limit was hit.
    LimitHit,
    /// 5: internal error.
    Internal(String),
}

impl Exit {
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Exit::Usage(message.into())
    }

    /// The exit an input that could not be run calls for, its reason already
    /// in the output: 5 when candor itself failed, 2 when the input was at fault.
    pub(crate) fn unrunnable(internal: bool) -> Self {
        if internal {
            Exit::Internal(String::new())
        } else {
            Exit::usage("")
        }
    }

    pub(crate) fn code(&self) -> u8 {
        match self {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Usage(_) => 2,
            Exit::SnippetFailed => 3,
            Exit::LimitHit => 4,
            Exit::Internal(_) => 5,
        }
    }

    /// The exit code, printing nothing.
    pub(crate) fn code_only(self) -> ExitCode {
        ExitCode::from(self.code())
    }

    /// Prints the error line, if any (control characters escaped: it may quote
    /// a file name or input), and returns the exit code.
    pub(crate) fn report(self) -> ExitCode {
        use super::guest_input::one_line;
        match &self {
            Exit::Usage(m) if !m.is_empty() => eprintln!("candor: error: {}", one_line(m)),
            Exit::Internal(m) if !m.is_empty() => {
                eprintln!("candor: internal error: {}", one_line(m))
            }
            _ => {}
        }
        ExitCode::from(self.code())
    }

    /// The exit a report calls for: the highest applicable of limit hit (4),
    /// loud failure (3) and findings at or above `fail_on` (1).
    pub(crate) fn for_report(report: &Report, fail_on: Option<Severity>) -> Exit {
        if report.outcome.is_limit() {
            Exit::LimitHit
        } else if report.outcome == Outcome::Failed {
            Exit::SnippetFailed
        } else if fail_on.is_some_and(|level| report.max_severity().is_some_and(|s| s >= level)) {
            Exit::Findings
        } else {
            Exit::Clean
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        exit.report()
    }
}

/// Whether a library error is candor's own failure (exit 5) rather than bad
/// input or options (exit 2).
pub(crate) fn is_internal(error: &candor::Error) -> bool {
    !matches!(
        error,
        candor::Error::BadInput(_) | candor::Error::BadOption(_)
    )
}

impl From<candor::Error> for Exit {
    fn from(error: candor::Error) -> Exit {
        if is_internal(&error) {
            Exit::Internal(error.to_string())
        } else {
            Exit::Usage(error.to_string())
        }
    }
}

/// Writes to stdout, ignoring a closed pipe (`candor run x.py | head`).
pub(crate) fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
