//! The Python runtime: CPython 3.14 as a WebAssembly component (built by
//! componentize-py from `runtimes/python`), embedded in the library and
//! compiled once into the on-disk cache.

use crate::error::Result;
use crate::report::{Outcome, Report};
use crate::runtimes::{GuestEnd, GuestStatus, Snippet, assemble, mount};
use crate::sandbox::RunSlot;
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Execution, component_pre, run_staged, stage_component};
use crate::sandbox::guest::{ComponentWasi, GuestState};
use crate::sandbox::limits::Limits;
use crate::sandbox::standby::{KeepReady, Standby, StandbyRecipe};
use serde::Deserialize;
use std::path::Path;
use std::time::Instant;
use wasmtime::Engine;
use wasmtime::component::InstancePre;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/python_runtime.rs"));
}

/// The name of the runtime in reports and in the compile cache.
pub(crate) const RUNTIME_NAME: &str = "cpython";
/// The CPython version componentize-py 0.25.1 bundles: the report's, whatever
/// the guest says (the harness's `runtime` fact must say the same).
const BUNDLED_VERSION: &str = "3.14.0";

/// The loaded Python runtime, ready to instantiate.
pub(crate) struct PythonRuntime {
    pre: InstancePre<GuestState<ComponentWasi>>,
    /// An instance kept ready for the next run (pooled sandboxes only).
    standby: Option<Standby>,
}

/// What the harness returns from `run`.
#[derive(Deserialize)]
struct Status {
    exit_code: i32,
    #[serde(default)]
    tampered: Vec<String>,
    harness_error: Option<String>,
    /// The facts the harness sent.
    facts: Option<u64>,
}

impl PythonRuntime {
    /// Loads the compiled runtime from `cache_dir`, compiling it first if
    /// needed, and with `keep_ready` starts keeping an instance ready.
    pub(crate) fn load(
        engine: &Engine,
        cache_dir: &Path,
        keep_ready: Option<KeepReady>,
        notice: &dyn Fn(&Path),
    ) -> Result<Self> {
        let entry = CacheEntry::new(cache_dir, "python", embedded::WASM_SHA256, engine);
        let component: wasmtime::component::Component =
            entry.load_or_compile(engine, embedded::WASM, notice)?;
        let pre = component_pre(engine, &component)?;
        let standby = match keep_ready {
            Some(settings) => Some(Standby::start(StandbyRecipe {
                engine: engine.clone(),
                pre: pre.clone(),
                settings,
            })?),
            None => None,
        };
        Ok(PythonRuntime { pre, standby })
    }

    /// Runs `request` in the ready instance, or else in a fresh one.
    async fn execute(
        &self,
        engine: &Engine,
        request: &str,
        snippet: &Snippet,
        limits: &Limits,
        deterministic: bool,
        slot: RunSlot,
    ) -> Result<Execution> {
        let started = Instant::now();
        // the ready instance was made before the snippet was known, so without
        // its mounts: a snippet with mounts gets an instance of its own
        let standby = self
            .standby
            .as_ref()
            .filter(|_| slot.alone && snippet.mounts.is_empty());
        let ready = standby.and_then(|s| s.take(limits.memory));
        let staged = match ready {
            Some(staged) => staged,
            None => {
                let read_only = mount::preopens(&snippet.mounts);
                match stage_component(
                    engine,
                    &self.pre,
                    deterministic,
                    limits.memory,
                    limits.fuel,
                    &read_only,
                )
                .await?
                {
                    Ok(staged) => staged,
                    Err(execution) => return Ok(execution),
                }
            }
        };
        let (mut execution, leftovers) =
            run_staged(staged, "run", request, &snippet.stdin, limits).await?;
        execution.duration = started.elapsed();
        // a run alone in a pooled sandbox leaves the reset of its instance (the
        // costliest step of a short run) to a blocking thread, after the report
        // is out; its slot is released only then, so the pool never holds more
        // instances than it has room for
        match (standby, tokio::runtime::Handle::try_current()) {
            (Some(_), Ok(runtime)) => {
                runtime.spawn_blocking(move || drop((leftovers, slot.permit)));
            }
            _ => drop((leftovers, slot.permit)),
        }
        Ok(execution)
    }

    /// Runs one snippet and reports on it.
    pub(crate) async fn run(
        &self,
        engine: &Engine,
        snippet: &Snippet,
        limits: &Limits,
        deterministic: bool,
        detection: bool,
        slot: RunSlot,
    ) -> Result<Report> {
        let request = serde_json::json!({
            "code": snippet.code,
            "filename": snippet.file,
            "argv": snippet.args,
            "env": snippet.env.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
            "deterministic": deterministic,
            "detect": detection,
            "reraise": snippet.reraise,
        })
        .to_string();
        let mut execution = self
            .execute(engine, &request, snippet, limits, deterministic, slot)
            .await?;
        let status = match execution.response.take() {
            Some(text) => match serde_json::from_str::<Status>(&text) {
                Ok(status) => Some(status),
                Err(e) => {
                    // the snippet can reach the harness's own modules: an unreadable
                    // status means it interfered, and the run cannot be trusted
                    execution.outcome = Outcome::Failed;
                    execution.reason = Some(format!(
                        "candor's Python harness answered an unreadable status ({e})"
                    ));
                    execution.facts.push(
                        serde_json::json!({"fact": "tampered", "detail": "the harness's status was unreadable"}).to_string(),
                    );
                    None
                }
            },
            None => None,
        };
        if let Some(Status {
            harness_error: Some(trace),
            ..
        }) = &status
        {
            execution.stderr.extend_from_slice(trace.as_bytes());
            execution.outcome = Outcome::Failed;
            execution.reason = Some("candor's Python harness failed".to_string());
        }
        // a harness that failed may not have sent the counts it held back
        let end = match &status {
            Some(s) if s.harness_error.is_none() => GuestEnd::Finished,
            _ => GuestEnd::CutShort,
        };
        let status = status.map(|s| GuestStatus {
            exit_code: s.exit_code,
            tampered: s.tampered,
            facts_sent: s.facts,
        });
        Ok(assemble(
            snippet,
            execution,
            (RUNTIME_NAME, BUNDLED_VERSION),
            status,
            end,
        ))
    }
}

/// The guest's table of standard-library modules it cannot offer (one per
/// line: the name, a space, the reason; `#` starts a comment).
const UNAVAILABLE: &str = include_str!("../../runtimes/python/unavailable.txt");

/// The public modules of [`UNAVAILABLE`] (not the C modules behind them, whose
/// names start with `_`), with their reasons.
pub(crate) fn unavailable_modules() -> impl Iterator<Item = (&'static str, &'static str)> {
    UNAVAILABLE
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(' '))
        .filter(|(name, _)| !name.starts_with('_'))
        .map(|(name, reason)| (name, reason.trim()))
}

#[cfg(test)]
mod unavailable_tests {
    #[test]
    fn the_table_names_modules_with_reasons() {
        let modules: Vec<_> = super::unavailable_modules().collect();
        assert!(modules.iter().any(|(name, _)| *name == "multiprocessing"));
        assert!(modules.iter().all(|(name, reason)| {
            !name.is_empty() && !name.starts_with('_') && !reason.is_empty()
        }));
    }
}
