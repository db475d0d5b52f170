//! C, C++ and Zig: compiled to a WASI preview-1 command on the host by zig
//! (`zig cc`, `zig c++`, `zig build-exe`), then run like any raw WebAssembly
//! program, under the same limits.
//!
//! What detection sees, without hooks in the source: the C library calls
//! whose failures are silent, through link-time wrappers
//! (`candor_libc.c`, reporting through the `candor.event` import, whose
//! caller's line comes from the program's DWARF line table, `lines.rs`); and
//! for Zig, `catch` with a constant or an empty block, rewritten to report
//! when it fires (`zig_catch.rs`). The rules are in `detect/libc_calls.rs`.

mod compile;
mod jail;
mod lines;
pub(crate) mod toolchain;
mod zig_catch;

use crate::Language;
use crate::detect::compiler_warning;
use crate::detect::libc_calls::{self, CallEvent, CatchSite, ProgramEnd};
use crate::error::{Error, Result};
use crate::report::{Outcome, Report};
use crate::runtimes::command;
use crate::runtimes::runtime::{
    LoadContext, Prepared, Rejection, RunContext, Runtime, RuntimeId, Settings,
};
use crate::runtimes::{GuestEnd, Snippet, assemble};
use crate::sandbox::Limits;
use crate::sandbox::cache::CacheEntry;
use crate::sandbox::execution::{Execution, event_command_pre};
use crate::sandbox::guest::GuestState;
use compile::{Bounds, Compiler};
use lines::LineTable;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Instant;
use wasmtime::{Engine, InstancePre};
use wasmtime_wasi::p1::WasiP1Ctx;

/// The runtime's name in reports: the toolchain that compiles the program.
const RUNTIME_NAME: &str = "zig";
/// The events one run keeps (the rest are counted in no finding).
const MAX_EVENTS: usize = 10_000;

/// The native runtime: zig on the host, the programs it compiled.
pub(crate) struct NativeRuntime {
    engine: Engine,
    cache_dir: PathBuf,
    compiler: Compiler,
    /// `zig version`, leaked once: reports take a `&'static str`.
    version: &'static str,
}

/// A compiled, linked program and what its events need.
struct Program {
    pre: InstancePre<GuestState<WasiP1Ctx>>,
    lines: LineTable,
    catch_sites: Vec<CatchSite>,
    /// The compiler's diagnostics about the user's file, and the name it
    /// knew the file by.
    warnings: String,
    compiled_as: String,
}

/// Loads the runtime: finds zig and builds its libraries for wasm32-wasi
/// once per machine (the first C or C++ compile would otherwise take
/// minutes, not counted against any run's time limit).
pub(crate) fn load(cx: &LoadContext<'_>) -> Result<Arc<dyn Runtime>> {
    let zig = toolchain::find()?;
    if cx.cache_dir.as_os_str().is_empty() {
        return Err(Error::Io(
            "C, C++ and Zig snippets need a cache directory for the compiler: set CANDOR_CACHE_DIR or HOME".to_string(),
        ));
    }
    let dir = cx.cache_dir.join("native");
    static VERSION: OnceLock<&'static str> = OnceLock::new();
    let version = *VERSION.get_or_init(|| Box::leak(zig.version.clone().into_boxed_str()));
    let compiler = Compiler::new(zig, dir);
    toolchain::warm_up(&compiler, cx.notice)?;
    Ok(Arc::new(NativeRuntime {
        engine: cx.engine.clone(),
        cache_dir: cx.cache_dir.to_path_buf(),
        compiler,
        version,
    }))
}

/// The name the compiler is given for the snippet: its file's bare name when
/// it is a plain one with the language's extension, else `snippet.EXT`.
fn bare_name(snippet: &Snippet) -> String {
    let extension = snippet.language.extensions()[0];
    let base = snippet.file.rsplit('/').next().unwrap_or_default();
    let plain = !base.is_empty()
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'+'))
        && !base.starts_with('.')
        && !base.starts_with('-');
    let ext_ok = Language::from_path(std::path::Path::new(base)) == Some(snippet.language);
    if plain && ext_ok && base != "candor_libc.c" {
        base.to_string()
    } else {
        format!("snippet.{extension}")
    }
}

/// The diagnostics with the bare name the compiler saw replaced by the
/// snippet's own at the start of each line.
fn name_the_file(stderr: &str, bare: &str, shown: &str) -> String {
    let prefix = format!("{bare}:");
    stderr
        .lines()
        .map(|line| match line.strip_prefix(&prefix) {
            Some(rest) => format!("{shown}:{rest}\n"),
            None => format!("{line}\n"),
        })
        .collect()
}

#[async_trait::async_trait]
impl Runtime for NativeRuntime {
    fn id(&self) -> RuntimeId {
        RuntimeId {
            name: RUNTIME_NAME,
            version: self.version,
        }
    }

    async fn prepare(
        &self,
        snippet: &Snippet,
        settings: Settings,
        limits: &Limits,
    ) -> Result<Prepared> {
        let started = Instant::now();
        let id = self.id();
        let bare = bare_name(snippet);
        let (code, catch_sites) = if snippet.language == Language::Zig && settings.detection {
            zig_catch::instrument(&snippet.code)
        } else {
            (snippet.code.clone(), Vec::new())
        };
        let compiler = self.compiler.clone();
        let language = snippet.language;
        let bounds = Bounds {
            timeout: limits.timeout,
        };
        let name = bare.clone();
        let compiled = tokio::task::spawn_blocking(move || {
            compiler.compile_blocking(language, &name, &code, &bounds)
        })
        .await
        .map_err(|e| Error::Internal(format!("compiling {}: {e}", snippet.file)))??;
        let program = match compiled {
            Ok(program) => program,
            Err(failure) if failure.timed_out => {
                let why = Rejection::compile_timed_out(
                    limits.timeout,
                    name_the_file(&failure.stderr, &bare, &snippet.file),
                );
                return Ok(Prepared::rejected(snippet, id, why, started));
            }
            Err(failure) => {
                let mut stderr = name_the_file(&failure.stderr, &bare, &snippet.file);
                if snippet.language == Language::Cpp && stderr.contains("exceptions disabled") {
                    stderr.push_str(
                        "candor: C++ exceptions are not supported: zig compiles C++ to \
                         WebAssembly without them (-fno-exceptions)\n",
                    );
                }
                let first_error = stderr
                    .lines()
                    .find(|l| l.contains("error:"))
                    .map(|l| l.to_string());
                let why = Rejection {
                    outcome: Outcome::Failed,
                    stderr,
                    exit_code: Some(1),
                    reason: Some(match first_error {
                        Some(line) => format!("the program does not compile: {line}"),
                        None => "the program does not compile".to_string(),
                    }),
                };
                return Ok(Prepared::rejected(snippet, id, why, started));
            }
        };
        let (module_bytes, lines) = lines::split_debug_info(&program.wasm, &bare);
        let warnings = program.warnings;
        let sha256: String = Sha256::digest(&module_bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let engine = self.engine.clone();
        let cache_dir = self.cache_dir.clone();
        let left = limits.timeout.saturating_sub(started.elapsed());
        let link =
            tokio::task::spawn_blocking(move || -> Result<std::result::Result<_, String>> {
                let entry = CacheEntry::of_program(&cache_dir, "native", &sha256, &engine);
                let module = match entry
                    .load_or_compile_program::<wasmtime::Module>(&engine, &module_bytes)?
                {
                    Ok(module) => module,
                    Err(why) => return Ok(Err(format!("invalid WebAssembly module: {why}"))),
                };
                event_command_pre(&engine, &module)
            });
        let linked = match tokio::time::timeout(left, link).await {
            Ok(Ok(linked)) => linked?,
            Ok(Err(e)) => {
                return Err(Error::Internal(format!("compiling {}: {e}", snippet.file)));
            }
            Err(_) => {
                let why = Rejection::compile_timed_out(limits.timeout, String::new());
                return Ok(Prepared::rejected(snippet, id, why, started));
            }
        };
        Ok(match linked {
            Ok(pre) => Prepared::ready(
                snippet,
                id,
                Arc::new(Program {
                    pre,
                    lines,
                    catch_sites,
                    warnings,
                    compiled_as: bare,
                }),
                started,
            ),
            Err(why) => {
                let why = Rejection {
                    outcome: Outcome::Failed,
                    stderr: format!("{}: {why}\n", snippet.file),
                    exit_code: None,
                    reason: Some(why),
                };
                Prepared::rejected(snippet, id, why, started)
            }
        })
    }

    async fn execute(&self, prepared: &Prepared, cx: &RunContext<'_>) -> Result<Report> {
        let started = Instant::now();
        let program = prepared.program::<Arc<Program>>()?;
        let snippet = prepared.snippet();
        let mut execution = command::run_module(&program.pre, snippet, cx).await?;
        execution.duration = prepared.host_time() + started.elapsed();
        explain_exit(&mut execution, &program.lines, &snippet.file);
        let events: Vec<CallEvent> = std::mem::take(&mut execution.facts)
            .iter()
            .take(MAX_EVENTS)
            .filter_map(|line| event_of(line, &program.lines))
            .collect();
        execution.facts_dropped = 0;
        let end = if execution.outcome == Outcome::Completed && execution.exit_code == Some(0) {
            ProgramEnd::Succeeded
        } else {
            ProgramEnd::Otherwise
        };
        let id = self.id();
        let mut report = assemble(
            snippet,
            execution,
            (id.name, id.version),
            None,
            GuestEnd::CutShort,
        );
        if cx.settings.detection {
            report.findings =
                libc_calls::findings(&events, &program.catch_sites, end, &snippet.file);
            report.findings.extend(compiler_warning::check(
                &program.warnings,
                &program.compiled_as,
                &snippet.file,
            ));
            report.findings.sort_by_key(|f| (f.line, f.column, f.kind));
        }
        Ok(report)
    }
}

/// The event a fact-log line holds (`offsets<TAB>json`), at the user's line:
/// the position the event gives (a Zig catch), else the innermost frame in
/// the user's file. None for an event no line of the user's file made (a
/// call inside the C library itself) or that does not parse.
fn event_of(line: &str, lines: &LineTable) -> Option<CallEvent> {
    #[derive(serde::Deserialize)]
    struct Raw {
        call: String,
        line: Option<u32>,
        column: Option<u32>,
        input: Option<String>,
        value: Option<String>,
        why: Option<String>,
        format: Option<String>,
        matched: Option<u64>,
        asked: Option<u64>,
        size: Option<u64>,
        error: Option<String>,
    }
    let (offsets, json) = line.split_once('\t')?;
    let raw: Raw = serde_json::from_str(json).ok()?;
    let (line, column) = match (raw.line, raw.column) {
        (Some(line), column) => (line, column.unwrap_or(0)),
        _ => {
            let offsets: Vec<usize> = offsets.split(',').filter_map(|o| o.parse().ok()).collect();
            let at = lines.first_in_file(&offsets)?;
            (at.line, at.column)
        }
    };
    Some(CallEvent {
        call: raw.call,
        line,
        column,
        input: raw.input,
        value: raw.value,
        why: raw.why.filter(|w| !w.is_empty()),
        format: raw.format,
        matched: raw.matched,
        asked: raw.asked,
        size: raw.size,
        error: raw.error,
    })
}

/// Makes a non-zero exit a failure, and after a trap, tells on stderr where
/// the program was: the trap, then its frames, innermost first, each with
/// its line in the user's file when it has one.
fn explain_exit(execution: &mut Execution, lines: &LineTable, file: &str) {
    command::fail_on_nonzero_exit(execution);
    if execution.outcome != Outcome::Failed {
        return;
    }
    let Some(trace) = &execution.trap_trace else {
        return;
    };
    let trap = trace.lines().next().unwrap_or_default().to_string();
    let mut text = format!("{trap}\nwasm backtrace:\n");
    let mut first_line = None;
    // a deep recursion repeats one frame thousands of times: said once, with a count
    let mut frames: Vec<(String, usize)> = Vec::new();
    for (function, offset) in &execution.trap_frames {
        let at = offset.and_then(|o| lines.position(o));
        let place = match at {
            Some(p) => {
                first_line.get_or_insert(p.line);
                format!(" at {file}:{}:{}", p.line, p.column.max(1))
            }
            None => String::new(),
        };
        let frame = format!("{function}{place}");
        match frames.last_mut() {
            Some((last, repeats)) if *last == frame => *repeats += 1,
            _ => frames.push((frame, 1)),
        }
    }
    for (i, (frame, repeats)) in frames.iter().enumerate() {
        let times = if *repeats > 1 {
            format!(" ({repeats} frames)")
        } else {
            String::new()
        };
        text.push_str(&format!("{i:>4}: {frame}{times}\n"));
    }
    command::append_to_stderr(execution, &text);
    if let (Some(line), Some(reason)) = (first_line, execution.reason.as_mut()) {
        reason.push_str(&format!(" at line {line}"));
    }
}
