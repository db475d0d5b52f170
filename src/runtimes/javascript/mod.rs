//! The JavaScript and TypeScript runtime: QuickJS-ng with candor's runner, a
//! WASI preview-1 module built by `build/javascript.rs` and embedded in the
//! library. Snippets are parsed, stripped of types and instrumented on the host
//! with oxc ([`instrument`]); the runner streams run-time facts back.

mod explore;
mod instrument;
mod nesting;
mod prepare;
mod reraise;
mod spans;

use crate::error::{Error, Result};
use crate::report::{Outcome, Report};
use crate::runtimes::runtime::{
    LoadContext, Prepared, Rejection, RunContext, Runtime, RuntimeId, Settings,
};
use crate::runtimes::{GuestEnd, Snippet, assemble};
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Invocation, execute_module, module_pre};
use crate::sandbox::guest::GuestState;
use crate::sandbox::limits::Limits;
use std::sync::Arc;
use std::time::Instant;
use wasmtime::{InstancePre, Module};
use wasmtime_wasi::p1::WasiP1Ctx;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/javascript_runtime.rs"));
}

/// The name of the runtime in reports.
const RUNTIME_NAME: &str = "quickjs-ng";
/// The QuickJS-ng version rquickjs-sys 0.14.0 bundles: the report's, whatever
/// the guest says (the runner's `runtime` fact must say the same).
const BUNDLED_VERSION: &str = "0.16.2";
const ID: RuntimeId = RuntimeId {
    name: RUNTIME_NAME,
    version: BUNDLED_VERSION,
};
/// Where the guest finds its program, read-only.
const PROGRAM_DIR: &str = "/.candor";

/// The loaded JavaScript runtime, ready to instantiate.
pub(crate) struct JavaScriptRuntime {
    pre: InstancePre<GuestState<WasiP1Ctx>>,
}

/// A prepared snippet: the instrumented program and the hook it reports through.
struct Program {
    program: instrument::Instrumented,
    hook: String,
}

/// Loads the compiled runtime from the cache, compiling it first if needed.
pub(crate) fn load(cx: &LoadContext<'_>) -> Result<Arc<dyn Runtime>> {
    let entry = CacheEntry::new(cx.cache_dir, "javascript", embedded::WASM_SHA256, cx.engine);
    let module: Module = entry.load_or_compile(cx.engine, embedded::WASM, cx.notice)?;
    Ok(Arc::new(JavaScriptRuntime {
        pre: module_pre(cx.engine, &module)?,
    }))
}

#[async_trait::async_trait]
impl Runtime for JavaScriptRuntime {
    fn id(&self) -> RuntimeId {
        ID
    }

    async fn prepare(
        &self,
        snippet: &Snippet,
        settings: Settings,
        limits: &Limits,
    ) -> Result<Prepared> {
        let started = Instant::now();
        let hook = instrument::hook_name(&snippet.code, settings.determinism.random);
        // host-side preparation counts against the run's limits
        Ok(
            match prepare::prepare(snippet, settings.detection, &hook, limits).await? {
                prepare::Prepared::Program(program) => {
                    Prepared::ready(snippet, ID, Program { program, hook }, started)
                }
                prepare::Prepared::Syntax(error) => {
                    Prepared::rejected(snippet, ID, syntax_error(snippet, &error), started)
                }
                prepare::Prepared::Refused { outcome, reason } => {
                    let why = Rejection {
                        outcome,
                        stderr: String::new(),
                        exit_code: None,
                        reason: Some(reason),
                    };
                    Prepared::rejected(snippet, ID, why, started)
                }
            },
        )
    }

    async fn execute(&self, prepared: &Prepared, cx: &RunContext<'_>) -> Result<Report> {
        let started = Instant::now();
        let Program { program, hook } = prepared.program::<Program>()?;
        let snippet = prepared.snippet();
        let (determinism, detection) = (cx.settings.determinism, cx.settings.detection);
        // the guest has what is left of the wall-clock limit once the host
        // prepared the program
        let asked = cx.limits.timeout;
        let mut limits = cx.limits.clone();
        limits.timeout = asked
            .saturating_sub(prepared.host_time())
            .max(std::time::Duration::from_millis(1));
        let limits = &limits;
        let files = crate::sandbox::tempdirs::run_dir("candor-program-")
            .map_err(|e| Error::Io(format!("creating the program directory: {e}")))?;
        for (name, text) in [
            ("program.js", program.code.as_str()),
            ("source", snippet.code.as_str()),
            ("map", program.line_map.as_str()),
            ("hook", hook.as_str()),
        ] {
            std::fs::write(files.path().join(name), text)
                .map_err(|e| Error::Io(format!("writing the program for the guest: {e}")))?;
        }
        let mode = if program.module { "module" } else { "script" };
        let mut argv = vec!["runner".to_string(), mode.to_string(), snippet.file.clone()];
        argv.extend(snippet.args.iter().cloned());
        let mut read_only = crate::runtimes::mount::preopens(&snippet.mounts);
        read_only.push((files.path().to_path_buf(), PROGRAM_DIR.to_string()));
        let call = Invocation {
            args: &argv,
            env: &snippet.env,
            stdin: &snippet.stdin,
            determinism,
            read_only: &read_only,
        };
        let mut execution = execute_module(cx.engine, &self.pre, &call, limits).await?;
        if execution.outcome == Outcome::TimedOut {
            // the limit the user set, of which preparing took a part
            execution.reason = Some(format!(
                "wall-clock limit of {} reached",
                humantime::format_duration(asked)
            ));
        }
        if detection {
            // the static facts come from the host's instrumentation, first
            let mut facts = program.facts.clone();
            facts.append(&mut execution.facts);
            execution.facts = facts;
        } else {
            execution.facts.retain(|f| {
                f.contains("\"fact\":\"runtime\"") || f.contains("\"fact\":\"started\"")
            });
        }
        execution.duration = prepared.host_time() + started.elapsed();
        if execution.outcome == Outcome::Completed && execution.exit_code.is_some_and(|c| c != 0) {
            execution.outcome = Outcome::Failed;
        }
        // the runner exits (with a status) only after sending the counts it held back
        let end = if execution.exit_code.is_some() {
            GuestEnd::Finished
        } else {
            GuestEnd::CutShort
        };
        Ok(assemble(
            snippet,
            execution,
            (RUNTIME_NAME, BUNDLED_VERSION),
            None,
            end,
        ))
    }
}

/// A snippet that does not parse: it failed, loudly, at its line.
fn syntax_error(snippet: &Snippet, error: &instrument::SyntaxError) -> Rejection {
    Rejection {
        outcome: Outcome::Failed,
        stderr: format!(
            "{}:{}:{}: SyntaxError: {}\n",
            snippet.file, error.line, error.column, error.message
        ),
        exit_code: Some(1),
        reason: None,
    }
}
