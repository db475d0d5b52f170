//! One run of a guest under fuel, memory, wall-clock and output limits: a
//! component exporting `run(request) -> response` (instantiated ahead of its
//! run, then given its request), or a WASI preview-1 command.

use super::disk::QuotaExceeded;
use super::guest::{ComponentWasi, Determinism, GuestIo, GuestState};
use super::input::LateInput;
use super::limits::Limits;
use super::limits::human_size;
use super::output::CappedOutput;
use crate::error::{Error, Result};
use crate::report::Outcome;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;
use wasmtime::component::{Instance as ComponentInstance, InstancePre as ComponentPre};
use wasmtime::{Engine, InstancePre as ModulePre, Store, Trap};
use wasmtime_wasi::I32Exit;
use wasmtime_wasi::p1::WasiP1Ctx;

/// Fuel burned between two yields to the executor: ~1 ms of guest CPU. Each
/// yield is a chance for the wall-clock timeout to fire.
const FUEL_YIELD_INTERVAL: u64 = 10_000_000;

/// What the guest sees besides its code.
pub(crate) struct Invocation<'a> {
    pub(crate) args: &'a [String],
    pub(crate) env: &'a [(String, String)],
    pub(crate) stdin: &'a [u8],
    pub(crate) determinism: Determinism,
    /// Host directories the guest may read, and where it sees them.
    pub(crate) read_only: &'a [(PathBuf, String)],
}

impl<'a> Invocation<'a> {
    /// The guest's I/O for this call, with `scratch` as its `/`, and the
    /// capped stdout and stderr the execution reads back.
    pub(super) fn io<'s>(
        &self,
        scratch: &'s Path,
        limits: &Limits,
    ) -> (GuestIo<'s>, CappedOutput, CappedOutput)
    where
        'a: 's,
    {
        self.io_at(scratch, "/", limits)
    }

    /// [`Invocation::io`] with the scratch directory seen at `scratch_at`.
    pub(super) fn io_at<'s>(
        &self,
        scratch: &'s Path,
        scratch_at: &'s str,
        limits: &Limits,
    ) -> (GuestIo<'s>, CappedOutput, CappedOutput)
    where
        'a: 's,
    {
        let stdout = CappedOutput::new(output_cap(limits));
        let stderr = CappedOutput::new(output_cap(limits));
        let stdin = LateInput::default();
        stdin.set(self.stdin.to_vec());
        let io = GuestIo {
            args: self.args,
            env: self.env,
            stdin,
            scratch,
            scratch_at,
            stdout: stdout.clone(),
            stderr: stderr.clone(),
            determinism: self.determinism,
            memory_limit: limits.memory,
            read_only: self.read_only,
        };
        (io, stdout, stderr)
    }
}

/// How one execution ended, before any language-specific interpretation.
pub(crate) struct Execution {
    pub(crate) outcome: Outcome,
    /// The guest's exit status when it ended by `exit`; otherwise None.
    pub(crate) exit_code: Option<i32>,
    /// Why the run ended abnormally (a trap, a limit), in words.
    pub(crate) reason: Option<String>,
    /// The component export's return value, when it returned.
    pub(crate) response: Option<String>,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
    pub(crate) truncated: bool,
    pub(crate) fuel_consumed: u64,
    pub(crate) duration: Duration,
    pub(crate) facts: Vec<String>,
    pub(crate) facts_dropped: usize,
    /// The trap the guest stopped with and where it was, as wasmtime tells it
    /// (`wasm trap: ...`, then `wasm backtrace:` and the frames, innermost
    /// first, with function names when the module has a name section); None
    /// unless it trapped.
    pub(crate) trap_trace: Option<String>,
    /// The trap's frames, innermost first, as (function name, offset of the
    /// instruction in the module's bytes): for a runtime that can tell the
    /// source line of an offset. Empty unless it trapped.
    pub(crate) trap_frames: Vec<(String, Option<usize>)>,
}

impl Execution {
    /// An execution that never started: it failed before the guest ran (a
    /// program that does not parse or link), with `stderr` and `reason`.
    pub(crate) fn not_run(stderr: String, exit_code: Option<i32>, reason: Option<String>) -> Self {
        Execution {
            outcome: Outcome::Failed,
            exit_code,
            reason,
            response: None,
            stdout: Vec::new(),
            stderr: stderr.into_bytes(),
            truncated: false,
            fuel_consumed: 0,
            duration: Duration::ZERO,
            facts: Vec::new(),
            facts_dropped: 0,
            trap_trace: None,
            trap_frames: Vec::new(),
        }
    }
}

/// A component instantiated in a fresh store before its request is known; it
/// gets its stdin, output cap, memory limit and fuel when its run starts.
pub(crate) struct StagedComponent {
    store: Store<GuestState<ComponentWasi>>,
    instance: ComponentInstance,
    scratch: TempDir,
    stdin: LateInput,
    stdout: CappedOutput,
    stderr: CappedOutput,
}

impl StagedComponent {
    /// The largest linear memory the instance already holds, in bytes.
    pub(crate) fn memory_in_use(&self) -> u64 {
        self.store.data().memory.largest as u64
    }
}

/// What a finished run leaves to drop: its store (whose reset is the costly
/// part of a run) and its scratch directory.
pub(crate) struct Leftovers {
    _store: Store<GuestState<ComponentWasi>>,
    _scratch: TempDir,
}

/// Instantiates a component in a fresh store whose memories may grow to
/// `memory_limit` and which may burn `fuel` while instantiating, with the host
/// directories `read_only` preopened. Err holds the report of an instance that
/// could not be made (a memory limit below the runtime's initial memory, say).
pub(crate) async fn stage_component(
    engine: &Engine,
    pre: &ComponentPre<GuestState<ComponentWasi>>,
    determinism: Determinism,
    memory_limit: u64,
    fuel: u64,
    read_only: &[(PathBuf, String)],
) -> Result<std::result::Result<StagedComponent, Execution>> {
    let started = Instant::now();
    let scratch = scratch_dir()?;
    let stdin = LateInput::default();
    let (stdout, stderr) = (CappedOutput::new(0), CappedOutput::new(0));
    let io = GuestIo {
        args: &[],
        env: &[],
        stdin: stdin.clone(),
        scratch: scratch.path(),
        scratch_at: "/",
        stdout: stdout.clone(),
        stderr: stderr.clone(),
        determinism,
        memory_limit,
        read_only,
    };
    let mut store = new_store(engine, io.component_state()?, fuel)?;
    match pre.instantiate_async(&mut store).await {
        Ok(instance) => Ok(Ok(StagedComponent {
            store,
            instance,
            scratch,
            stdin,
            stdout,
            stderr,
        })),
        Err(error) => {
            let limits = Limits {
                memory: memory_limit,
                fuel,
                ..Limits::default()
            };
            let ended = Ended::of(Ok(Err(error)), &mut store);
            Ok(Err(ended.execution(&stdout, &stderr, &limits, started)))
        }
    }
}

/// Runs a staged component's `export(request)` under `limits`.
pub(crate) async fn run_staged(
    staged: StagedComponent,
    export: &str,
    request: &str,
    stdin: &[u8],
    limits: &Limits,
) -> Result<(Execution, Leftovers)> {
    let started = Instant::now();
    let StagedComponent {
        mut store,
        instance,
        scratch,
        stdin: input,
        stdout,
        stderr,
    } = staged;
    input.set(stdin.to_vec());
    stdout.set_cap(output_cap(limits));
    stderr.set_cap(output_cap(limits));
    store.data_mut().memory.set_limit(limits.memory);
    store.data().disk.set_max_bytes(limits.memory);
    set_fuel(&mut store, limits.fuel)?;
    let run = async {
        let run = instance.get_typed_func::<(&str,), (String,)>(&mut store, export)?;
        let (response,) = run.call_async(&mut store, (request,)).await?;
        Ok::<Option<String>, wasmtime::Error>(Some(response))
    };
    // the component's file system counts its own writes (`wasi_fs`)
    let result = bounded(run, limits).await;
    let execution = Ended::of(result, &mut store).execution(&stdout, &stderr, limits, started);
    Ok((
        execution,
        Leftovers {
            _store: store,
            _scratch: scratch,
        },
    ))
}

/// Instantiates a WASI preview-1 command in a fresh store and runs its
/// `_start`, holding it to `limits`.
pub(crate) async fn execute_module(
    engine: &Engine,
    pre: &ModulePre<GuestState<WasiP1Ctx>>,
    call: &Invocation<'_>,
    limits: &Limits,
) -> Result<Execution> {
    let started = Instant::now();
    let scratch = scratch_dir()?;
    let (io, stdout, stderr) = call.io(scratch.path(), limits);
    let mut store = new_store(engine, io.module_state()?, limits.fuel)?;
    let run = async {
        let instance = pre.instantiate_async(&mut store).await?;
        let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
        start.call_async(&mut store, ()).await?;
        Ok::<Option<String>, wasmtime::Error>(None)
    };
    // the module's file system counts its own writes (`wasi_p1_fs`)
    let result = bounded(run, limits).await;
    let execution = Ended::of(result, &mut store).execution(&stdout, &stderr, limits, started);
    drop(store);
    drop(scratch);
    Ok(execution)
}

/// How a WASI preview-1 reactor lays out its guest: where it sees the scratch
/// directory, and the directories made in it before the run.
pub(crate) struct ReactorLayout<'a> {
    /// The guest path of the scratch directory (`/tmp`).
    pub(crate) scratch_at: &'a str,
    /// Directories created in the scratch directory before the guest starts
    /// (relative paths, `home`).
    pub(crate) scratch_dirs: &'a [&'a str],
    /// The code the run's `turn` runs.
    pub(crate) code: &'a [u8],
}

/// Runs `code` through the reactor's `turn` export, in memory the guest's
/// `host_alloc(len)` gives; the exit status (the low byte of the result).
pub(super) async fn call_turn<T: Send>(
    store: &mut Store<T>,
    instance: &wasmtime::Instance,
    code: &[u8],
) -> wasmtime::Result<i32> {
    let len = i32::try_from(code.len())
        .map_err(|_| wasmtime::Error::msg("the code is larger than 2 GiB"))?;
    let alloc = instance.get_typed_func::<i32, i32>(&mut *store, "host_alloc")?;
    let at = alloc.call_async(&mut *store, len).await?;
    let memory = instance
        .get_memory(&mut *store, "memory")
        .ok_or_else(|| wasmtime::Error::msg("the reactor exports no memory"))?;
    if at == 0 {
        return Err(wasmtime::Error::msg(
            "the reactor had no memory for the code (host_alloc returned 0)",
        ));
    }
    memory.write(&mut *store, at as u32 as usize, code)?;
    let turn = instance.get_typed_func::<(i32, i32), i32>(&mut *store, "turn")?;
    let value = turn.call_async(&mut *store, (at, len)).await?;
    Ok(value & 0xFF)
}

/// Instantiates a WASI preview-1 reactor in a fresh store and runs it: its
/// `_initialize` when it exports one, then `turn` with the code `layout`
/// gives, whose result is the exit status (non-zero: `failed`). Held to `limits` like a command.
pub(crate) async fn execute_reactor(
    engine: &Engine,
    pre: &ModulePre<GuestState<WasiP1Ctx>>,
    call: &Invocation<'_>,
    layout: &ReactorLayout<'_>,
    limits: &Limits,
) -> Result<Execution> {
    let started = Instant::now();
    let scratch = scratch_dir()?;
    for dir in layout.scratch_dirs {
        let path = scratch.path().join(dir);
        std::fs::create_dir_all(&path).map_err(|e| {
            Error::Io(format!(
                "creating {} in the scratch directory: {e}",
                path.display()
            ))
        })?;
    }
    let (io, stdout, stderr) = call.io_at(scratch.path(), layout.scratch_at, limits);
    let mut store = new_store(engine, io.module_state()?, limits.fuel)?;
    let mut status = 0;
    let run = async {
        let instance = pre.instantiate_async(&mut store).await?;
        if let Some(init) = instance.get_func(&mut store, "_initialize") {
            init.typed::<(), ()>(&store)?
                .call_async(&mut store, ())
                .await?;
        }
        status = call_turn(&mut store, &instance, layout.code).await?;
        Ok::<Option<String>, wasmtime::Error>(None)
    };
    let result = bounded(run, limits).await;
    let mut execution = Ended::of(result, &mut store).execution(&stdout, &stderr, limits, started);
    if execution.outcome == Outcome::Completed && execution.exit_code == Some(0) {
        execution.exit_code = Some(status);
        if status != 0 {
            execution.outcome = Outcome::Failed;
        }
    }
    drop(store);
    drop(scratch);
    Ok(execution)
}

/// A fresh scratch directory: the guest's `/`, removed when dropped.
pub(super) fn scratch_dir() -> Result<TempDir> {
    super::tempdirs::run_dir("candor-scratch-")
        .map_err(|e| Error::Io(format!("creating the scratch directory: {e}")))
}

/// Why a run was stopped from outside the guest.
pub(super) enum Stop {
    TimedOut,
}

pub(super) type Bounded = std::result::Result<wasmtime::Result<Option<String>>, Stop>;

/// Runs `run` under the wall-clock limit. The scratch directory's quota is
/// counted by the file-system calls themselves (`wasi_fs`, `wasi_p1_fs`).
pub(super) async fn bounded<F>(run: F, limits: &Limits) -> Bounded
where
    F: std::future::Future<Output = wasmtime::Result<Option<String>>>,
{
    tokio::time::timeout(limits.timeout, run)
        .await
        .map_err(|_| Stop::TimedOut)
}

/// A store with the limits applied.
pub(super) fn new_store<W: Send + 'static>(
    engine: &Engine,
    state: GuestState<W>,
    fuel: u64,
) -> Result<Store<GuestState<W>>> {
    let mut store = Store::new(engine, state);
    store.limiter(|s| &mut s.memory);
    set_fuel(&mut store, fuel)?;
    store
        .fuel_async_yield_interval(Some(FUEL_YIELD_INTERVAL))
        .map_err(|e| Error::engine("setting the fuel yield interval", e))?;
    Ok(store)
}

/// Gives `store` a fuel budget of `fuel`.
fn set_fuel<T>(store: &mut Store<T>, fuel: u64) -> Result<()> {
    store
        .set_fuel(fuel)
        .map_err(|e| Error::engine("setting the fuel budget", e))
}

/// The bytes of stdout (and of stderr) a run may keep.
pub(super) fn output_cap(limits: &Limits) -> usize {
    usize::try_from(limits.max_output).unwrap_or(usize::MAX)
}

/// What is left of a store once its run ended.
pub(super) struct Ended {
    result: Bounded,
    fuel_left: u64,
    memory_refused: bool,
    disk_refused: Option<QuotaExceeded>,
    facts: Vec<String>,
    facts_dropped: usize,
}

impl Ended {
    pub(super) fn of<W>(result: Bounded, store: &mut Store<GuestState<W>>) -> Ended {
        let fuel_left = store.get_fuel().unwrap_or(0);
        let data = store.data_mut();
        Ended {
            result,
            fuel_left,
            memory_refused: data.memory.refused,
            disk_refused: data.disk.exceeded(),
            facts: std::mem::take(&mut data.facts.lines),
            facts_dropped: data.facts.dropped,
        }
    }

    /// The execution this ended as, with the output captured so far.
    pub(super) fn execution(
        self,
        stdout: &CappedOutput,
        stderr: &CappedOutput,
        limits: &Limits,
        started: Instant,
    ) -> Execution {
        let (stdout, out_cut) = stdout.take();
        let (stderr, err_cut) = stderr.take();
        let mut execution = Execution {
            outcome: Outcome::Completed,
            exit_code: None,
            reason: None,
            response: None,
            stdout,
            stderr,
            truncated: out_cut || err_cut,
            fuel_consumed: limits.fuel.saturating_sub(self.fuel_left),
            duration: started.elapsed(),
            facts: self.facts,
            facts_dropped: self.facts_dropped,
            trap_trace: None,
            trap_frames: Vec::new(),
        };
        classify(
            &mut execution,
            self.result,
            self.memory_refused,
            self.disk_refused,
            limits,
        );
        execution
    }
}

/// Sets the outcome, exit code, reason and response from how the call ended.
fn classify(
    run: &mut Execution,
    result: Bounded,
    memory_refused: bool,
    disk_refused: Option<QuotaExceeded>,
    limits: &Limits,
) {
    let error = match result {
        Err(Stop::TimedOut) => {
            run.outcome = Outcome::TimedOut;
            run.reason = Some(format!(
                "wall-clock limit of {} reached",
                humantime::format_duration(limits.timeout)
            ));
            return;
        }
        Ok(Ok(response)) => {
            run.response = response;
            if run.response.is_none() {
                run.exit_code = Some(0);
            }
            return;
        }
        Ok(Err(error)) => error,
    };
    if memory_refused {
        run.outcome = Outcome::MemoryExceeded;
        run.reason = Some(format!(
            "memory limit of {} reached",
            human_size(limits.memory)
        ));
    } else if let Some(why) = disk_refused {
        run.outcome = Outcome::MemoryExceeded;
        run.reason = Some(why.to_string());
    } else if let Some(exit) = error.downcast_ref::<I32Exit>() {
        run.exit_code = Some(exit.0);
        run.outcome = if exit.0 == 0 {
            Outcome::Completed
        } else {
            Outcome::Failed
        };
    } else if let Some(trap) = error.downcast_ref::<Trap>() {
        let backtrace = error.downcast_ref::<wasmtime::WasmBacktrace>();
        let frames = backtrace.map(describe_backtrace).unwrap_or_default();
        run.trap_frames = backtrace.map(frames_of).unwrap_or_default();
        run.trap_trace = Some(format!("{trap}\nwasm backtrace:\n{frames}"));
        run.outcome = if *trap == Trap::OutOfFuel {
            Outcome::FuelExhausted
        } else {
            Outcome::Failed
        };
        run.reason = Some(match trap {
            Trap::OutOfFuel => format!("fuel budget of {} exhausted", limits.fuel),
            Trap::StackOverflow => "the guest overflowed its stack".to_string(),
            other => format!("the guest trapped: {other}"),
        });
    } else {
        run.outcome = Outcome::Failed;
        run.reason = Some(format!("the guest stopped: {error:#}"));
    }
}

/// The frames of a trap's backtrace, innermost first, one per line:
/// `0: module!function at offset 0x2a` (no `module!` for a module without a
/// name, `<wasm function N>` for a function without one).
fn describe_backtrace(trace: &wasmtime::WasmBacktrace) -> String {
    let mut text = String::new();
    for (i, frame) in trace.frames().iter().enumerate() {
        let module = frame
            .module()
            .name()
            .map(|name| format!("{name}!"))
            .unwrap_or_default();
        let function = match frame.func_name() {
            Some(name) => name.to_string(),
            None => format!("<wasm function {}>", frame.func_index()),
        };
        let offset = frame
            .module_offset()
            .map(|o| format!(" at offset {o:#x}"))
            .unwrap_or_default();
        text.push_str(&format!("{i:>4}: {module}{function}{offset}\n"));
    }
    text
}

/// Each frame of `trace`, innermost first: its function's name (or
/// `<wasm function N>`) and the offset of its instruction in the module.
fn frames_of(trace: &wasmtime::WasmBacktrace) -> Vec<(String, Option<usize>)> {
    trace
        .frames()
        .iter()
        .map(|frame| {
            let function = match frame.func_name() {
                Some(name) => name.to_string(),
                None => format!("<wasm function {}>", frame.func_index()),
            };
            (function, frame.module_offset())
        })
        .collect()
}

/// A component linker with WASI preview 2 (async), its file system counted
/// against the run's scratch quota.
pub(super) fn wasi_component_linker(
    engine: &Engine,
) -> Result<wasmtime::component::Linker<GuestState<ComponentWasi>>> {
    let mut linker = wasmtime::component::Linker::<GuestState<ComponentWasi>>::new(engine);
    wasmtime_wasi::p2::add_to_linker_async(&mut linker)
        .map_err(|e| Error::engine("linking WASI", e))?;
    // the file system again, counted against the run's scratch quota
    linker.allow_shadowing(true);
    wasmtime_wasi::p2::bindings::filesystem::types::add_to_linker::<_, super::wasi_fs::Guarded>(
        &mut linker,
        GuestState::guarded_filesystem,
    )
    .map_err(|e| Error::engine("linking the counted file system", e))?;
    linker.allow_shadowing(false);
    Ok(linker)
}

/// Links a guest component against WASI (async) and candor's `emit` import.
pub(crate) fn component_pre(
    engine: &Engine,
    component: &wasmtime::component::Component,
) -> Result<ComponentPre<GuestState<ComponentWasi>>> {
    let mut linker = wasi_component_linker(engine)?;
    linker
        .root()
        .func_wrap(
            "emit",
            |mut cx: wasmtime::StoreContextMut<'_, GuestState<ComponentWasi>>,
             (fact,): (String,)| {
                cx.data_mut().facts.push(fact);
                Ok(())
            },
        )
        .map_err(|e| Error::engine("linking candor's emit import", e))?;
    linker
        .instantiate_pre(component)
        .map_err(|e| Error::engine("preparing the guest runtime", e))
}

/// A module linker with WASI preview 1 (async), its file system counted
/// against the run's scratch quota.
fn wasi_p1_linker(engine: &Engine) -> Result<wasmtime::Linker<GuestState<WasiP1Ctx>>> {
    let mut linker = wasmtime::Linker::<GuestState<WasiP1Ctx>>::new(engine);
    wasmtime_wasi::p1::add_to_linker_async(&mut linker, |s| &mut s.wasi)
        .map_err(|e| Error::engine("linking WASI", e))?;
    super::wasi_p1_fs::shadow(&mut linker)
        .map_err(|e| Error::engine("linking the counted file system", e))?;
    Ok(linker)
}

/// Links a WASI preview-1 command against WASI alone. The inner error is a
/// module that cannot be linked (an import candor does not provide, or of
/// another type), in words that name the import.
pub(crate) fn command_pre(
    engine: &Engine,
    module: &wasmtime::Module,
) -> Result<std::result::Result<ModulePre<GuestState<WasiP1Ctx>>, String>> {
    let linker = wasi_p1_linker(engine)?;
    if module.get_export("_start").is_none() {
        return Ok(Err(
            "the module exports no `_start` function: it is not a WASI command".to_string(),
        ));
    }
    Ok(linker.instantiate_pre(module).map_err(|e| format!("{e:#}")))
}

/// Links a WASI preview-1 reactor (a module exporting `turn(ptr, len) ->
/// i32`, `host_alloc(len) -> ptr`, and maybe `_initialize`) against WASI and the imports `define` adds. The inner
/// error is a module that cannot be linked, in words that name the import.
pub(crate) fn reactor_pre(
    engine: &Engine,
    module: &wasmtime::Module,
    define: impl FnOnce(&mut wasmtime::Linker<GuestState<WasiP1Ctx>>) -> wasmtime::Result<()>,
) -> Result<std::result::Result<ModulePre<GuestState<WasiP1Ctx>>, String>> {
    let mut linker = wasi_p1_linker(engine)?;
    define(&mut linker).map_err(|e| Error::engine("linking the runtime's own imports", e))?;
    if module.get_export("turn").is_none() || module.get_export("host_alloc").is_none() {
        return Ok(Err(
            "the module exports no `turn` and `host_alloc` functions: it is not a reactor \
             candor can run"
                .to_string(),
        ));
    }
    Ok(linker.instantiate_pre(module).map_err(|e| format!("{e:#}")))
}

/// Links a compiled program (a WASI preview-1 command) against WASI and the
/// events it reports (`events`: candor's `candor.event(ptr, len)` import,
/// through which its libc wrappers report a call that failed, and writes to
/// stderr that say "error"). The inner error is a module that cannot be
/// linked, in words.
pub(crate) fn event_command_pre(
    engine: &Engine,
    module: &wasmtime::Module,
) -> Result<std::result::Result<ModulePre<GuestState<WasiP1Ctx>>, String>> {
    let mut linker = wasi_p1_linker(engine)?;
    super::events::link(&mut linker).map_err(|e| Error::engine("linking candor's events", e))?;
    if module.get_export("_start").is_none() {
        return Ok(Err(
            "the module exports no `_start` function: it is not a WASI command".to_string(),
        ));
    }
    Ok(linker.instantiate_pre(module).map_err(|e| format!("{e:#}")))
}

/// Links a WASI preview-1 module against WASI (async), candor's
/// `candor.emit(ptr, len)` import, which streams one UTF-8 fact, and the
/// `candor.snapshot()` and `candor.restore()` imports that reset its memory
/// between probe calls ([`super::memory_snapshot`]).
pub(crate) fn module_pre(
    engine: &Engine,
    module: &wasmtime::Module,
) -> Result<ModulePre<GuestState<WasiP1Ctx>>> {
    let mut linker = wasi_p1_linker(engine)?;
    super::memory_snapshot::link(&mut linker)
        .map_err(|e| Error::engine("linking candor's memory snapshot imports", e))?;
    linker
        .func_wrap(
            "candor",
            "emit",
            |mut caller: wasmtime::Caller<'_, GuestState<WasiP1Ctx>>, ptr: u32, len: u32| {
                let Some(memory) = caller.get_export("memory").and_then(|e| e.into_memory()) else {
                    return Ok(());
                };
                let (data, state) = memory.data_and_store_mut(&mut caller);
                let range = ptr as usize..(ptr as usize).saturating_add(len as usize);
                // a fact past the log's room is dropped before it is copied
                if let Some(bytes) = data.get(range)
                    && state.facts.take_room(bytes.len())
                {
                    state
                        .facts
                        .push_reserved(String::from_utf8_lossy(bytes).into_owned());
                }
                Ok(())
            },
        )
        .map_err(|e| Error::engine("linking candor's emit import", e))?;
    linker
        .instantiate_pre(module)
        .map_err(|e| Error::engine("preparing the guest runtime", e))
}
