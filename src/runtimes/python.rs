//! The Python runtime: CPython 3.14 as a WebAssembly component (built by
//! componentize-py from `runtimes/python`), embedded in the library and
//! compiled once into the on-disk cache.

use crate::error::Result;
use crate::report::{Outcome, Report};
use crate::runtimes::{GuestStatus, Snippet, assemble};
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Guest, Invocation, component_pre, execute};
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
        let entry = CacheEntry::new(cache_dir, "python", embedded::WASM_SHA256, engine);
        let component: wasmtime::component::Component =
            entry.load_or_compile(engine, embedded::WASM, notice)?;
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
        let mut execution = execute(engine, guest, &call, limits).await?;
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
        let status = status.map(|s| GuestStatus {
            exit_code: s.exit_code,
            tampered: s.tampered,
        });
        Ok(assemble(
            snippet,
            execution,
            (RUNTIME_NAME, BUNDLED_VERSION),
            status,
        ))
    }
}
