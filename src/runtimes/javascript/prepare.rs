//! Preparing a snippet on the host (surveying, parsing, stripping types,
//! instrumenting) as part of its run, held to the run's limits: it works on a
//! thread of its own with a large stack, gives up with a `timed_out` report
//! when the run's wall-clock limit passes, and refuses, before any of the work,
//! a snippet whose preparation would hold more memory than the run's memory
//! limit or which nests deeper than the parser can follow.

use super::instrument::{self, Budget, Instrumented, Stopped, SyntaxError};
use super::nesting::{self, MAX_LEVELS, Survey};
use super::reraise;
use crate::error::{Error, Result};
use crate::report::Outcome;
use crate::runtimes::{Language, Snippet};
use crate::sandbox::limits::Limits;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The stack of the preparing thread. The deepest nesting [`nesting`] lets
/// through needs about 4 MiB of it (the costliest construct, measured, at
/// [`MAX_LEVELS`]); the rest is margin for what the survey cannot see. Only the
/// pages a preparation touches are ever backed by memory.
const STACK_SIZE: usize = 256 << 20;

/// Host memory a preparation holds at most, per byte of source, per token and
/// per handler (measured on dense code of each kind, rounded up: a syntax tree
/// node, the generated program and position map per token; the facts, probes
/// and findings of a handler).
const BYTES_PER_SOURCE_BYTE: u64 = 4;
const BYTES_PER_TOKEN: u64 = 120;
const BYTES_PER_HANDLER: u64 = 1_500;

/// What preparing a snippet gave.
pub(crate) enum Prepared {
    /// The program to run.
    Program(Instrumented),
    /// The snippet does not parse.
    Syntax(SyntaxError),
    /// It cannot be prepared within the run's limits: how the run ends, and why.
    Refused { outcome: Outcome, reason: String },
}

/// Prepares `snippet` (instrumented when `detection` is on) within `limits`.
pub(crate) async fn prepare(
    snippet: &Snippet,
    detection: bool,
    hook: &str,
    limits: &Limits,
) -> Result<Prepared> {
    let code = snippet.code.clone();
    let hook = hook.to_string();
    let reraise = snippet.reraise.clone();
    // (most calls, the budget in milliseconds)
    let explore = snippet.explore.map(|most| {
        let budget = snippet.explore_budget;
        (
            most,
            budget.map(|b| u64::try_from(b.as_millis()).unwrap_or(u64::MAX)),
        )
    });
    let file = snippet.file.clone();
    let typescript = snippet.language == Language::TypeScript;
    let memory = limits.memory;
    let timeout = limits.timeout;
    let over = Arc::new(AtomicBool::new(false));
    let cancelled = Arc::clone(&over);
    let (done, result) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("candor-js-prepare".to_string())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let prepared = std::panic::catch_unwind(|| {
                let survey = nesting::survey(&code, MAX_LEVELS);
                if let Some(refused) = refusal(&code, &survey, memory) {
                    return refused;
                }
                // a strict re-run: the chosen handlers rethrow
                let code = if reraise.is_empty() {
                    code
                } else {
                    reraise::reraising(&code, &file, typescript, &reraise)
                };
                let budget = Budget {
                    cancelled: &|| cancelled.load(Ordering::Relaxed),
                    memory,
                };
                match instrument::compile_within(
                    &code, &file, typescript, detection, &hook, explore, &budget,
                ) {
                    Ok(program) => Prepared::Program(program),
                    Err(Stopped::Syntax(error)) => Prepared::Syntax(error),
                    Err(Stopped::Cancelled) => timed_out(timeout),
                    Err(Stopped::Memory(held)) => memory_refusal(held, memory),
                }
            });
            // the run may have given up waiting: nobody to tell then
            let _ = done.send(prepared);
        })
        .map_err(|e| {
            Error::Internal(format!(
                "starting the thread that prepares the program: {e}"
            ))
        })?;
    match tokio::time::timeout(limits.timeout, result).await {
        Ok(Ok(Ok(prepared))) => Ok(prepared),
        // instrumentation is candor's own code running on untrusted input: a
        // bug there ends this run with an error, not the process
        Ok(Ok(Err(_))) | Ok(Err(_)) => Err(Error::Internal(format!(
            "preparing {} failed",
            snippet.file
        ))),
        Err(_) => {
            // the thread stops at its next check; its report is not waited for
            over.store(true, Ordering::Relaxed);
            Ok(timed_out(limits.timeout))
        }
    }
}

/// Why `code` is refused before it is parsed, if it is: its preparation would
/// hold more than `memory` bytes, or it nests too deep.
fn refusal(code: &str, survey: &Survey, memory: u64) -> Option<Prepared> {
    let need = (code.len() as u64)
        .saturating_mul(BYTES_PER_SOURCE_BYTE)
        .saturating_add(survey.tokens.saturating_mul(BYTES_PER_TOKEN))
        .saturating_add(survey.handlers.saturating_mul(BYTES_PER_HANDLER));
    if need > memory {
        return Some(memory_refusal(need, memory));
    }
    let offset = survey.too_deep?;
    let line = code.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1;
    let column = offset - code[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
    Some(Prepared::Refused {
        outcome: Outcome::Failed,
        reason: format!(
            "nesting deeper than {MAX_LEVELS} levels at line {line}, column {column}: candor does not prepare deeper programs"
        ),
    })
}

fn timed_out(timeout: std::time::Duration) -> Prepared {
    Prepared::Refused {
        outcome: Outcome::TimedOut,
        reason: format!(
            "wall-clock limit of {} reached while preparing the program on the host",
            humantime::format_duration(timeout)
        ),
    }
}

fn memory_refusal(need: u64, memory: u64) -> Prepared {
    Prepared::Refused {
        outcome: Outcome::MemoryExceeded,
        reason: format!(
            "preparing the program on the host would take about {} of memory, over the memory limit of {}",
            in_mib(need),
            in_mib(memory)
        ),
    }
}

/// Bytes in MiB, rounded up, for reasons (`513 MiB`).
fn in_mib(bytes: u64) -> String {
    format!("{} MiB", bytes.div_ceil(1 << 20))
}
