//! The Python runtime: CPython 3.14 as a WebAssembly component (built by
//! componentize-py from `runtimes/python`), embedded in the library and
//! compiled once into the on-disk cache.

use crate::error::Result;
use crate::report::{Outcome, Report};
use crate::runtimes::runtime::{LoadContext, Prepared, RunContext, Runtime, RuntimeId, Settings};
use crate::runtimes::{GuestEnd, GuestStatus, Snippet, assemble, mount};
use crate::sandbox::Limits;
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Execution, component_pre, run_staged, stage_component};
use crate::sandbox::guest::{ComponentWasi, GuestState};
use crate::sandbox::standby::{Standby, StandbyRecipe};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Instant;
use wasmtime::component::InstancePre;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/python_runtime.rs"));
}

/// The name of the runtime in reports and in the compile cache.
pub(crate) const RUNTIME_NAME: &str = "cpython";
/// The CPython version componentize-py 0.25.1 bundles: the report's, whatever
/// the guest says (the harness's `runtime` fact must say the same).
const BUNDLED_VERSION: &str = "3.14.0";
const ID: RuntimeId = RuntimeId {
    name: RUNTIME_NAME,
    version: BUNDLED_VERSION,
};

/// The loaded Python runtime, ready to instantiate.
pub(crate) struct PythonRuntime {
    pre: InstancePre<GuestState<ComponentWasi>>,
    /// An instance kept ready for the next run (pooled sandboxes only).
    standby: Option<Standby>,
}

/// A prepared Python snippet: the request the harness's `run` is given.
struct Request(String);

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

/// Loads the compiled runtime from the cache, compiling it first if needed,
/// and, when asked, starts keeping an instance ready.
pub(crate) fn load(cx: &LoadContext<'_>) -> Result<Arc<dyn Runtime>> {
    let engine = cx.engine;
    let entry = CacheEntry::new(cx.cache_dir, "python", embedded::WASM_SHA256, engine);
    let component: wasmtime::component::Component =
        entry.load_or_compile(engine, embedded::WASM, cx.notice)?;
    let pre = component_pre(engine, &component)?;
    let standby = match cx.keep_ready {
        Some(settings) => Some(Standby::start(StandbyRecipe {
            engine: engine.clone(),
            pre: pre.clone(),
            settings,
        })?),
        None => None,
    };
    Ok(Arc::new(PythonRuntime { pre, standby }))
}

impl PythonRuntime {
    /// Runs `request` in the ready instance, or else in a fresh one.
    async fn run_request(
        &self,
        request: &str,
        snippet: &Snippet,
        cx: &RunContext<'_>,
    ) -> Result<Execution> {
        let started = Instant::now();
        let limits = cx.limits;
        // the ready instance was made before the snippet was known, so without
        // its mounts: a snippet with mounts gets an instance of its own
        let standby = self.standby.as_ref().filter(|s| {
            cx.slot.alone && snippet.mounts.is_empty() && s.determinism == cx.settings.determinism
        });
        let ready = standby.and_then(|s| s.take(limits.memory));
        let staged = match ready {
            Some(staged) => staged,
            None => {
                let read_only = mount::preopens(&snippet.mounts);
                match stage_component(
                    cx.engine,
                    &self.pre,
                    cx.settings.determinism,
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
        cx.slot.release_after(leftovers, standby.is_some());
        Ok(execution)
    }
}

#[async_trait::async_trait]
impl Runtime for PythonRuntime {
    fn id(&self) -> RuntimeId {
        ID
    }

    async fn prepare(
        &self,
        snippet: &Snippet,
        settings: Settings,
        _limits: &Limits,
    ) -> Result<Prepared> {
        let started = Instant::now();
        let request = serde_json::json!({
            "code": snippet.code,
            "filename": snippet.file,
            "argv": snippet.args,
            "env": snippet.env.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
            "deterministic": settings.determinism.random,
            "detect": settings.detection,
            "reraise": snippet.reraise,
            "explore": snippet.explore,
            "explore_budget_ms": snippet.explore_budget.map(|b| b.as_millis() as u64),
        })
        .to_string();
        Ok(Prepared::ready(snippet, ID, Request(request), started))
    }

    async fn execute(&self, prepared: &Prepared, cx: &RunContext<'_>) -> Result<Report> {
        let Request(request) = prepared.program::<Request>()?;
        let snippet = prepared.snippet();
        let mut execution = self.run_request(request, snippet, cx).await?;
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
