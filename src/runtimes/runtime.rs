//! The interface every runtime implements, and what passes through it.
//!
//! A run is two steps. [`Runtime::prepare`] does the host-side work on a
//! snippet once (instrumenting, stripping types, assembling a module); a
//! program that does not parse or link is a [`Prepared`] holding a failure,
//! not an error. [`Runtime::execute`] runs a prepared snippet in a fresh
//! instance, as many times as asked (strict re-runs and probes run one
//! prepared snippet several times), each under its own [`RunContext`].

use super::{GuestEnd, Snippet, assemble};
use crate::error::{Error, Result};
use crate::report::{Outcome, Report};
use crate::sandbox::Limits;
use crate::sandbox::execution::Execution;
use crate::sandbox::slot::RunSlot;
use crate::sandbox::standby::KeepReady;
use std::any::Any;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wasmtime::Engine;

/// A runtime's name and version as reports give them (`cpython`, `3.14.0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RuntimeId {
    pub(crate) name: &'static str,
    pub(crate) version: &'static str,
}

/// What a runtime is loaded with.
pub(crate) struct LoadContext<'a> {
    pub(crate) engine: &'a Engine,
    /// Where compiled code is cached (empty: compile in memory).
    pub(crate) cache_dir: &'a Path,
    /// How to keep an instance ready for the next run, for a runtime that can
    /// (pooled sandboxes only).
    pub(crate) keep_ready: Option<KeepReady>,
    /// Called before the runtime is compiled into the cache (a one-time wait).
    pub(crate) notice: &'a dyn Fn(&Path),
}

/// The sandbox-wide settings that shape how a snippet is prepared and run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Settings {
    /// Which of the clocks and random sources are fixed.
    pub(crate) determinism: crate::sandbox::guest::Determinism,
    /// Whether hidden failures are looked for.
    pub(crate) detection: bool,
}

/// Everything one execution depends on besides the prepared snippet.
pub(crate) struct RunContext<'a> {
    pub(crate) engine: &'a Engine,
    pub(crate) limits: &'a Limits,
    pub(crate) settings: Settings,
    /// The run's instance slot, held until the run's leftovers are gone.
    pub(crate) slot: &'a RunSlot,
}

/// A snippet after the host-side work: runnable, or already failed.
pub(crate) struct Prepared {
    snippet: Snippet,
    runtime: RuntimeId,
    /// How long the host-side work took (counted in each run's duration).
    host_time: Duration,
    program: Program,
}

enum Program {
    /// The runtime's own form of the program (see [`Prepared::program`]).
    Ready(Box<dyn Any + Send + Sync>),
    /// The program cannot run: it does not parse, compile or link.
    Rejected(Rejection),
}

/// Why a program cannot run, as the report shows it.
pub(crate) struct Rejection {
    /// How the run ends: `failed`, or the limit that preparing went past.
    pub(crate) outcome: Outcome,
    /// What a compiler would print (`file:line:col: SyntaxError: ...`).
    pub(crate) stderr: String,
    /// The exit status a compiler would give, if any.
    pub(crate) exit_code: Option<i32>,
    /// Why the run failed, in words, when stderr alone does not say.
    pub(crate) reason: Option<String>,
}

impl Rejection {
    /// The run's wall-clock limit `timeout` ran out while the host compiled
    /// the program (its diagnostics so far in `stderr`).
    pub(crate) fn compile_timed_out(timeout: Duration, stderr: String) -> Rejection {
        Rejection {
            outcome: Outcome::TimedOut,
            stderr,
            exit_code: None,
            reason: Some(format!(
                "wall-clock limit of {} reached while compiling the program on the host",
                humantime::format_duration(timeout)
            )),
        }
    }
}

impl Prepared {
    /// A snippet ready to run as `program`; `started` is when preparing began.
    pub(crate) fn ready<P: Any + Send + Sync>(
        snippet: &Snippet,
        runtime: RuntimeId,
        program: P,
        started: Instant,
    ) -> Self {
        Prepared {
            snippet: snippet.clone(),
            runtime,
            host_time: started.elapsed(),
            program: Program::Ready(Box::new(program)),
        }
    }

    /// A snippet that cannot run, for `why`.
    pub(crate) fn rejected(
        snippet: &Snippet,
        runtime: RuntimeId,
        why: Rejection,
        started: Instant,
    ) -> Self {
        Prepared {
            snippet: snippet.clone(),
            runtime,
            host_time: started.elapsed(),
            program: Program::Rejected(why),
        }
    }

    /// The snippet as given.
    pub(crate) fn snippet(&self) -> &Snippet {
        &self.snippet
    }

    /// How long preparing took.
    pub(crate) fn host_time(&self) -> Duration {
        self.host_time
    }

    /// The runtime's own form of the program; an internal error if the
    /// snippet was prepared by another runtime.
    pub(crate) fn program<P: Any>(&self) -> Result<&P> {
        match &self.program {
            Program::Ready(program) => program.downcast_ref::<P>().ok_or_else(|| {
                Error::Internal(format!(
                    "{} was prepared by another runtime than {}",
                    self.snippet.file, self.runtime.name
                ))
            }),
            Program::Rejected(_) => Err(Error::Internal(format!(
                "{} cannot run: it was rejected when prepared",
                self.snippet.file
            ))),
        }
    }

    /// The report of a rejected snippet, or None for one that can run.
    fn rejected_report(&self) -> Option<Report> {
        let Program::Rejected(why) = &self.program else {
            return None;
        };
        let mut execution =
            Execution::not_run(why.stderr.clone(), why.exit_code, why.reason.clone());
        execution.outcome = why.outcome;
        execution.duration = self.host_time;
        Some(assemble(
            &self.snippet,
            execution,
            (self.runtime.name, self.runtime.version),
            None,
            GuestEnd::CutShort,
        ))
    }
}

/// One runtime (Python, JavaScript and TypeScript, raw WebAssembly), loaded
/// once per sandbox and shared by its runs.
#[async_trait::async_trait]
pub(crate) trait Runtime: Send + Sync {
    /// The runtime's name and version, as reports give them.
    fn id(&self) -> RuntimeId;

    /// The host-side work on `snippet`, done once however often it runs,
    /// held to `limits` (its time counts against the wall clock of each run of
    /// it, as the JavaScript runtime gives the guest what is left; the host
    /// memory it may take, against the memory limit). A program that
    /// cannot run (a syntax error, a module that does not link, a preparation
    /// past a limit) is a [`Prepared::rejected`], not an error; errors are
    /// candor's own.
    async fn prepare(
        &self,
        snippet: &Snippet,
        settings: Settings,
        limits: &Limits,
    ) -> Result<Prepared>;

    /// Runs a snippet this runtime prepared (never a rejected one) in a fresh
    /// instance and reports on it. A failing snippet or a limit hit is a
    /// report with that outcome, not an error.
    async fn execute(&self, prepared: &Prepared, cx: &RunContext<'_>) -> Result<Report>;
}

/// Runs `prepared` on `runtime`: the report of a rejected snippet, or an execution.
pub(crate) async fn execute(
    runtime: &dyn Runtime,
    prepared: &Prepared,
    cx: &RunContext<'_>,
) -> Result<Report> {
    if prepared.runtime != runtime.id() {
        return Err(Error::Internal(format!(
            "{} was prepared by {}, not by {}",
            prepared.snippet.file,
            prepared.runtime.name,
            runtime.id().name
        )));
    }
    match prepared.rejected_report() {
        Some(report) => Ok(report),
        None => runtime.execute(prepared, cx).await,
    }
}

/// Loads a runtime: one per registry entry (see [`super::registry`]).
pub(crate) type Loader = fn(&LoadContext<'_>) -> Result<Arc<dyn Runtime>>;
