//! The JavaScript and TypeScript runtime: QuickJS-ng with candor's runner, a
//! WASI preview-1 module built by `build/javascript.rs` and embedded in the
//! library. Snippets are parsed, stripped of types and instrumented on the host
//! with oxc ([`instrument`]); the runner streams run-time facts back.

mod instrument;
mod nesting;
mod prepare;
mod reraise;
mod spans;

use crate::error::{Error, Result};
use crate::report::{Outcome, Report};
use crate::runtimes::{GuestEnd, Snippet, assemble};
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Execution, Invocation, execute_module, module_pre};
use crate::sandbox::guest::GuestState;
use crate::sandbox::limits::Limits;
use std::path::Path;
use std::time::Instant;
use wasmtime::{Engine, InstancePre, Module};
use wasmtime_wasi::p1::WasiP1Ctx;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/javascript_runtime.rs"));
}

/// The name of the runtime in reports.
const RUNTIME_NAME: &str = "quickjs-ng";
/// The QuickJS-ng version rquickjs-sys 0.14.0 bundles: the report's, whatever
/// the guest says (the runner's `runtime` fact must say the same).
const BUNDLED_VERSION: &str = "0.16.2";
/// Where the guest finds its program, read-only.
const PROGRAM_DIR: &str = "/.candor";

/// The loaded JavaScript runtime, ready to instantiate.
pub(crate) struct JavaScriptRuntime {
    pre: InstancePre<GuestState<WasiP1Ctx>>,
}

impl JavaScriptRuntime {
    /// Loads the compiled runtime from `cache_dir`, compiling it first if needed.
    pub(crate) fn load(engine: &Engine, cache_dir: &Path, notice: &dyn Fn(&Path)) -> Result<Self> {
        let entry = CacheEntry::new(cache_dir, "javascript", embedded::WASM_SHA256, engine);
        let module: Module = entry.load_or_compile(engine, embedded::WASM, notice)?;
        Ok(JavaScriptRuntime {
            pre: module_pre(engine, &module)?,
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
        let started = Instant::now();
        let hook = instrument::hook_name(&snippet.code, deterministic);
        // host-side preparation counts against the run's limits
        let program = match prepare::prepare(snippet, detection, &hook, limits).await? {
            prepare::Prepared::Program(program) => program,
            prepare::Prepared::Syntax(error) => return Ok(syntax_error(snippet, &error, started)),
            prepare::Prepared::Refused { outcome, reason } => {
                return Ok(refused(snippet, outcome, reason, started));
            }
        };
        // the guest has what is left of the wall-clock limit
        let asked = limits.timeout;
        let mut limits = limits.clone();
        limits.timeout = limits
            .timeout
            .saturating_sub(started.elapsed())
            .max(std::time::Duration::from_millis(1));
        let limits = &limits;
        let files = crate::sandbox::tempdirs::run_dir("candor-program-")
            .map_err(|e| Error::BadInput(format!("creating the program directory: {e}")))?;
        for (name, text) in [
            ("program.js", program.code.as_str()),
            ("source", snippet.code.as_str()),
            ("map", program.line_map.as_str()),
            ("hook", hook.as_str()),
        ] {
            std::fs::write(files.path().join(name), text)
                .map_err(|e| Error::BadInput(format!("writing the program for the guest: {e}")))?;
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
            deterministic,
            read_only: &read_only,
        };
        let mut execution = execute_module(engine, &self.pre, &call, limits).await?;
        if execution.outcome == Outcome::TimedOut {
            // the limit the user set, of which preparing took a part
            execution.reason = Some(format!(
                "wall-clock limit of {} reached",
                humantime::format_duration(asked)
            ));
        }
        if detection {
            // the static facts come from the host's instrumentation, first
            let mut facts = program.facts;
            facts.append(&mut execution.facts);
            execution.facts = facts;
        } else {
            execution.facts.retain(|f| {
                f.contains("\"fact\":\"runtime\"") || f.contains("\"fact\":\"started\"")
            });
        }
        execution.duration = started.elapsed();
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

/// The report of a snippet that was not run because preparing it would break
/// the run's limits.
fn refused(snippet: &Snippet, outcome: Outcome, reason: String, started: Instant) -> Report {
    let execution = Execution {
        outcome,
        exit_code: None,
        reason: Some(reason),
        response: None,
        stdout: Vec::new(),
        stderr: Vec::new(),
        truncated: false,
        fuel_consumed: 0,
        duration: started.elapsed(),
        facts: Vec::new(),
        facts_dropped: 0,
    };
    assemble(
        snippet,
        execution,
        (RUNTIME_NAME, BUNDLED_VERSION),
        None,
        GuestEnd::CutShort,
    )
}

/// The report of a snippet that does not parse: it failed, loudly, at its line.
fn syntax_error(snippet: &Snippet, error: &instrument::SyntaxError, started: Instant) -> Report {
    let stderr = format!(
        "{}:{}:{}: SyntaxError: {}\n",
        snippet.file, error.line, error.column, error.message
    );
    let execution = Execution {
        outcome: Outcome::Failed,
        exit_code: Some(1),
        reason: None,
        response: None,
        stdout: Vec::new(),
        stderr: stderr.into_bytes(),
        truncated: false,
        fuel_consumed: 0,
        duration: started.elapsed(),
        facts: Vec::new(),
        facts_dropped: 0,
    };
    assemble(
        snippet,
        execution,
        (RUNTIME_NAME, BUNDLED_VERSION),
        None,
        GuestEnd::CutShort,
    )
}
