//! Raw WebAssembly: a user's own program, a WASI preview-1 command module or a
//! preview-2 command component (told apart by its header), given as binary
//! (`.wasm`) or text (`.wat`). Each program is compiled once per content hash
//! into the compile cache, and linked against WASI alone: no facts, so no
//! findings, but the same limits, isolation, outcomes and report as any run.

use crate::error::{Error, Result};
use crate::report::{Outcome, Report};
use crate::runtimes::command::{self, CommandInput};
use crate::runtimes::runtime::{
    LoadContext, Prepared, Rejection, RunContext, Runtime, RuntimeId, Settings,
};
use crate::runtimes::{GuestEnd, Snippet, assemble};
use crate::sandbox::Limits;
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Execution, command_pre};
use crate::sandbox::guest::GuestState;
use crate::sandbox::p2_command::{
    CommandComponentPre, command_component_pre, execute_command_component,
};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use wasmtime::{Engine, InstancePre};
use wasmtime_wasi::p1::WasiP1Ctx;

/// The runtime's name in reports: the engine that runs the program.
const RUNTIME_NAME: &str = "wasmtime";
/// The wasmtime version candor links (pinned in Cargo.toml).
const WASMTIME_VERSION: &str = "48.0.8";
const ID: RuntimeId = RuntimeId {
    name: RUNTIME_NAME,
    version: WASMTIME_VERSION,
};
/// Programs kept compiled and linked in memory, the most recently used first.
const KEEP_LINKED: usize = 16;

/// The raw WebAssembly runtime: compiles programs on demand.
/// The programs linked lately, newest first, by content hash (at most
/// `KEEP_LINKED`), shared with the threads that compile.
type LinkedPrograms = Arc<Mutex<Vec<(String, Arc<Linked>)>>>;

pub(crate) struct WasmRuntime {
    engine: Engine,
    cache_dir: PathBuf,
    /// Programs this process compiled and linked, by SHA-256, most recent first.
    linked: LinkedPrograms,
}

/// A program compiled and linked, ready to instantiate.
enum Linked {
    /// A WASI preview-1 command module (runs `_start`).
    Command(InstancePre<GuestState<WasiP1Ctx>>),
    /// A WASI preview-2 command component (runs `wasi:cli/run`).
    Component(CommandComponentPre),
}

/// What kind of binary a header announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Module,
    Component,
}

/// Loads the runtime; there is nothing to compile until a program comes.
pub(crate) fn load(cx: &LoadContext<'_>) -> Result<Arc<dyn Runtime>> {
    Ok(Arc::new(WasmRuntime {
        engine: cx.engine.clone(),
        cache_dir: cx.cache_dir.to_path_buf(),
        linked: Arc::new(Mutex::new(Vec::new())),
    }))
}

/// The kind of a binary from its 8-byte header (`\0asm`, version, layer), or
/// why it is not one.
fn kind_of(bytes: &[u8]) -> std::result::Result<Kind, String> {
    match bytes {
        [0, b'a', b's', b'm', _, _, 0, 0, ..] => Ok(Kind::Module),
        [0, b'a', b's', b'm', _, _, 1, 0, ..] => Ok(Kind::Component),
        [0, b'a', b's', b'm', _, _, layer, ..] => Err(format!(
            "unknown WebAssembly binary layer {layer} (neither a module nor a component)"
        )),
        _ => Err("not a WebAssembly binary: it does not start with \\0asm".to_string()),
    }
}

/// A rejection of `snippet` whose message names the file.
fn reject(snippet: &Snippet, why: &str) -> Rejection {
    Rejection {
        outcome: Outcome::Failed,
        stderr: format!("{}: {why}\n", snippet.file),
        exit_code: None,
        reason: Some(why.lines().next().unwrap_or(why).to_string()),
    }
}

/// What compiling and linking a program needs, owned, so that it can work on
/// a blocking thread while the run's deadline is watched.
struct Linker {
    engine: Engine,
    cache_dir: PathBuf,
    linked: LinkedPrograms,
}

impl Linker {
    /// The program with content hash `sha256`, compiled (or loaded from the
    /// cache) and linked; Err says why it cannot run.
    fn link(&self, bytes: &[u8], sha256: &str) -> Result<std::result::Result<Arc<Linked>, String>> {
        {
            let mut linked = self.linked.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(at) = linked.iter().position(|(hash, _)| hash == sha256) {
                let entry = linked.remove(at);
                let program = Arc::clone(&entry.1);
                linked.insert(0, entry);
                return Ok(Ok(program));
            }
        }
        let kind = match kind_of(bytes) {
            Ok(kind) => kind,
            Err(why) => return Ok(Err(why)),
        };
        let engine = &self.engine;
        let entry = CacheEntry::of_program(&self.cache_dir, "wasm", sha256, engine);
        let program = match kind {
            Kind::Module => {
                let module =
                    match entry.load_or_compile_program::<wasmtime::Module>(engine, bytes)? {
                        Ok(module) => module,
                        Err(why) => return Ok(Err(format!("invalid WebAssembly module: {why}"))),
                    };
                match command_pre(engine, &module)? {
                    Ok(pre) => Linked::Command(pre),
                    Err(why) => return Ok(Err(format!("cannot link the module: {why}"))),
                }
            }
            Kind::Component => {
                let component = match entry
                    .load_or_compile_program::<wasmtime::component::Component>(engine, bytes)?
                {
                    Ok(component) => component,
                    Err(why) => return Ok(Err(format!("invalid WebAssembly component: {why}"))),
                };
                match command_component_pre(engine, &component)? {
                    Ok(pre) => Linked::Component(pre),
                    Err(why) => return Ok(Err(format!("cannot link the component: {why}"))),
                }
            }
        };
        let program = Arc::new(program);
        let mut linked = self.linked.lock().unwrap_or_else(|p| p.into_inner());
        linked.insert(0, (sha256.to_string(), Arc::clone(&program)));
        linked.truncate(KEEP_LINKED);
        Ok(Ok(program))
    }
}

#[async_trait::async_trait]
impl Runtime for WasmRuntime {
    fn id(&self) -> RuntimeId {
        ID
    }

    async fn prepare(
        &self,
        snippet: &Snippet,
        _settings: Settings,
        limits: &Limits,
    ) -> Result<Prepared> {
        let started = Instant::now();
        let bytes: Cow<'_, [u8]> = match &snippet.binary {
            Some(bytes) => Cow::Borrowed(bytes),
            None => {
                // the text parser is not candor's, and the text is untrusted:
                // a panic in it ends this run with an error, not the process
                let parsed = std::panic::catch_unwind(|| {
                    let mut parsed = wat::parse_str(&snippet.code);
                    if let Err(e) = &mut parsed {
                        e.set_path(&snippet.file);
                    }
                    parsed
                })
                .map_err(|_| Error::Internal(format!("parsing {} failed", snippet.file)))?;
                match parsed {
                    Ok(bytes) => Cow::Owned(bytes),
                    Err(e) => {
                        let why = Rejection {
                            outcome: Outcome::Failed,
                            stderr: format!("{e}\n"),
                            exit_code: Some(1),
                            reason: Some("the WebAssembly text does not parse".to_string()),
                        };
                        return Ok(Prepared::rejected(snippet, ID, why, started));
                    }
                }
            }
        };
        let sha256: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        // compiling is host work on untrusted input: held to the run's wall clock
        let linker = Linker {
            engine: self.engine.clone(),
            cache_dir: self.cache_dir.clone(),
            linked: Arc::clone(&self.linked),
        };
        let bytes = bytes.into_owned();
        let compile = tokio::task::spawn_blocking(move || linker.link(&bytes, &sha256));
        let linked = match tokio::time::timeout(limits.timeout, compile).await {
            Ok(Ok(linked)) => linked?,
            Ok(Err(e)) => {
                return Err(Error::Internal(format!(
                    "compiling {} failed: {e}",
                    snippet.file
                )));
            }
            Err(_) => {
                // the compilation cannot be interrupted: it finishes on its
                // thread, unused, and its result is cached for the next run
                let why = Rejection::compile_timed_out(limits.timeout, String::new());
                return Ok(Prepared::rejected(snippet, ID, why, started));
            }
        };
        Ok(match linked {
            Ok(program) => Prepared::ready(snippet, ID, program, started),
            Err(why) => Prepared::rejected(snippet, ID, reject(snippet, &why), started),
        })
    }

    async fn execute(&self, prepared: &Prepared, cx: &RunContext<'_>) -> Result<Report> {
        let started = Instant::now();
        let program = prepared.program::<Arc<Linked>>()?;
        let snippet = prepared.snippet();
        let mut execution = match program.as_ref() {
            Linked::Command(pre) => command::run_module(pre, snippet, cx).await?,
            Linked::Component(pre) => {
                let input = CommandInput::of(snippet);
                let call = input.invocation(snippet, cx);
                execute_command_component(cx.engine, pre, &call, cx.limits).await?
            }
        };
        execution.duration = prepared.host_time() + started.elapsed();
        explain_exit(&mut execution);
        // a user's program sends no facts: whatever it streamed is ignored
        execution.facts.clear();
        execution.facts_dropped = 0;
        Ok(assemble(
            snippet,
            execution,
            (ID.name, ID.version),
            None,
            GuestEnd::CutShort,
        ))
    }
}

/// Makes a non-zero exit a failure, and after a trap, tells on stderr where
/// the program was, as a traceback would: the trap and its wasm backtrace,
/// after whatever the program wrote.
fn explain_exit(execution: &mut Execution) {
    use crate::report::Outcome;
    command::fail_on_nonzero_exit(execution);
    if execution.outcome == Outcome::Failed
        && let Some(trace) = execution.trap_trace.clone()
    {
        command::append_to_stderr(execution, &trace);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_tell_modules_from_components() {
        assert_eq!(kind_of(b"\0asm\x01\0\0\0"), Ok(Kind::Module));
        assert_eq!(kind_of(b"\0asm\x0d\0\x01\0"), Ok(Kind::Component));
        assert!(
            kind_of(b"\0asm\x0d\0\x02\0")
                .unwrap_err()
                .contains("layer 2")
        );
        assert!(kind_of(b"(module)").unwrap_err().contains("\\0asm"));
        assert!(kind_of(b"").is_err());
    }
}
