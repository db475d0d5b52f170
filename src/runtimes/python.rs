//! The Python runtime: CPython 3.14 as a WebAssembly component (built by
//! componentize-py from `runtimes/python`), embedded in the library and
//! compiled once into the on-disk cache.

use crate::detect::{self, facts::GuestFacts};
use crate::error::{Error, Result};
use crate::report::{Outcome, REPORT_SCHEMA, Report, RuntimeInfo};
use crate::runtimes::Snippet;
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Execution, Guest, Invocation, component_pre, execute};
use crate::sandbox::guest::{ComponentWasi, GuestState};
use crate::sandbox::limits::Limits;
use serde::Deserialize;
use std::path::Path;
use wasmtime::Engine;
use wasmtime::component::InstancePre;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/python_runtime.rs"));
}

/// The name of the runtime in reports and in the compile cache.
pub(crate) const RUNTIME_NAME: &str = "cpython";
/// The CPython version componentize-py 0.25.1 bundles (reports use the guest's own word when it has one).
const BUNDLED_VERSION: &str = "3.14";

/// The loaded Python runtime, ready to instantiate.
pub(crate) struct PythonRuntime {
    pre: InstancePre<GuestState<ComponentWasi>>,
}

/// What the harness returns from `run`.
#[derive(Deserialize)]
struct Status {
    exit_code: i32,
    #[serde(default)]
    tampered: Vec<String>,
    harness_error: Option<String>,
}

impl PythonRuntime {
    /// Loads the compiled runtime from `cache_dir`, compiling it first if needed.
    pub(crate) fn load(engine: &Engine, cache_dir: &Path, notice: &dyn Fn(&Path)) -> Result<Self> {
        let entry = CacheEntry::new(cache_dir, "python", embedded::COMPONENT_SHA256, engine);
        let component: wasmtime::component::Component =
            entry.load_or_compile(engine, embedded::COMPONENT, notice)?;
        Ok(PythonRuntime {
            pre: component_pre(engine, &component)?,
        })
    }

    /// Runs one snippet and reports on it.
    pub(crate) async fn run(
        &self,
        engine: &Engine,
        snippet: &Snippet,
        limits: &Limits,
        deterministic: bool,
        detection: bool,
    ) -> Result<Report> {
        let request = serde_json::json!({
            "code": snippet.code,
            "filename": snippet.file,
            "argv": snippet.args,
            "env": snippet.env.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
            "deterministic": deterministic,
            "detect": detection,
        })
        .to_string();
        let mut argv = vec![snippet.file.clone()];
        argv.extend(snippet.args.iter().cloned());
        let call = Invocation {
            args: &argv,
            env: &snippet.env,
            stdin: &snippet.stdin,
            deterministic,
            read_only: &[],
        };
        let guest = Guest::Component {
            pre: &self.pre,
            export: "run",
            request: &request,
        };
        let execution = execute(engine, guest, &call, limits).await?;
        assemble(snippet, execution)
    }
}

/// Builds the report from an execution and the facts its guest streamed.
fn assemble(snippet: &Snippet, mut run: Execution) -> Result<Report> {
    let facts = GuestFacts::from_lines(run.facts.iter().map(String::as_str));
    let mut exit_code = run.exit_code;
    let mut tampering = facts.tampering.clone();
    if let Some(text) = &run.response {
        let status: Status = serde_json::from_str(text).map_err(|e| {
            Error::BadInput(format!("the Python harness answered malformed JSON: {e}"))
        })?;
        if let Some(harness_error) = status.harness_error {
            run.stderr.extend_from_slice(harness_error.as_bytes());
            run.outcome = Outcome::Failed;
            run.reason = Some("candor's Python harness failed".to_string());
        }
        exit_code = Some(status.exit_code);
        if status.exit_code != 0 {
            run.outcome = Outcome::Failed;
        }
        for t in status.tampered {
            if !tampering.contains(&t) {
                tampering.push(t);
            }
        }
    }
    if facts.malformed > 0 {
        tampering.push(format!(
            "{} malformed facts reached the host",
            facts.malformed
        ));
    }
    if run.facts_dropped > 0 {
        tampering.push(format!(
            "{} facts over the size cap were dropped",
            run.facts_dropped
        ));
    }
    let (name, version) = facts
        .runtime
        .clone()
        .unwrap_or_else(|| (RUNTIME_NAME.to_string(), BUNDLED_VERSION.to_string()));
    Ok(Report {
        schema: REPORT_SCHEMA.to_string(),
        file: snippet.file.clone(),
        language: snippet.language.name().to_string(),
        runtime: RuntimeInfo { name, version },
        outcome: run.outcome,
        reason: run.reason,
        exit_code,
        stdout: String::from_utf8_lossy(&run.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&run.stderr).into_owned(),
        truncated: run.truncated,
        fuel_consumed: run.fuel_consumed,
        duration_ms: (run.duration.as_secs_f64() * 1e6).round() / 1e3,
        instrumentation_tampered: !tampering.is_empty(),
        tampering,
        findings: detect::findings(&facts, &snippet.file),
    })
}
