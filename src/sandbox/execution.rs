//! One run of a guest under fuel, memory, wall-clock and output limits: a
//! component exporting `run(request) -> response` (instantiated ahead of its
//! run, then given its request), or a WASI preview-1 command.

use super::guest::{ComponentWasi, GuestIo, GuestState};
use super::input::LateInput;
use super::limits::Limits;
use super::output::CappedOutput;
use crate::error::{Error, Result};
use crate::report::Outcome;
use std::path::PathBuf;
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
    pub(crate) deterministic: bool,
    /// Host directories the guest may read, and where it sees them.
    pub(crate) read_only: &'a [(PathBuf, String)],
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
/// `memory_limit` and which may burn `fuel` while instantiating. Err holds the
/// report of an instance that could not be made (a memory limit below the
/// runtime's initial memory, say).
pub(crate) async fn stage_component(
    engine: &Engine,
    pre: &ComponentPre<GuestState<ComponentWasi>>,
    deterministic: bool,
    memory_limit: u64,
    fuel: u64,
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
        stdout: stdout.clone(),
        stderr: stderr.clone(),
        deterministic,
        memory_limit,
        read_only: &[],
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
    set_fuel(&mut store, limits.fuel)?;
    let run = async {
        let run = instance.get_typed_func::<(&str,), (String,)>(&mut store, export)?;
        let (response,) = run.call_async(&mut store, (request,)).await?;
        Ok::<Option<String>, wasmtime::Error>(Some(response))
    };
    let result = bounded(run, limits, scratch.path()).await;
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
    let stdout = CappedOutput::new(output_cap(limits));
    let stderr = CappedOutput::new(output_cap(limits));
    let stdin = LateInput::default();
    stdin.set(call.stdin.to_vec());
    let io = GuestIo {
        args: call.args,
        env: call.env,
        stdin,
        scratch: scratch.path(),
        stdout: stdout.clone(),
        stderr: stderr.clone(),
        deterministic: call.deterministic,
        memory_limit: limits.memory,
        read_only: call.read_only,
    };
    let mut store = new_store(engine, io.module_state()?, limits.fuel)?;
    let run = async {
        let instance = pre.instantiate_async(&mut store).await?;
        let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
        start.call_async(&mut store, ()).await?;
        Ok::<Option<String>, wasmtime::Error>(None)
    };
    let result = bounded(run, limits, scratch.path()).await;
    let execution = Ended::of(result, &mut store).execution(&stdout, &stderr, limits, started);
    drop(store);
    drop(scratch);
    Ok(execution)
}

/// A fresh scratch directory: the guest's `/`, removed when dropped.
fn scratch_dir() -> Result<TempDir> {
    super::tempdirs::run_dir("candor-scratch-")
        .map_err(|e| Error::BadInput(format!("creating the scratch directory: {e}")))
}

/// How often the scratch directory's size is checked.
const SCRATCH_POLL: Duration = Duration::from_millis(50);
/// Most directory entries the scratch directory may hold.
const SCRATCH_MAX_ENTRIES: u64 = 100_000;

/// Why a run was stopped from outside the guest.
enum Stop {
    TimedOut,
    /// The scratch directory grew past its cap (bytes or entries seen).
    ScratchFull(u64),
}

type Bounded = std::result::Result<wasmtime::Result<Option<String>>, Stop>;

/// Runs `run` under the wall-clock limit while watching the scratch directory:
/// it may hold at most `limits.memory` bytes (and 100 000 entries), so that a
/// snippet cannot fill the host's disk.
async fn bounded<F>(run: F, limits: &Limits, scratch: &std::path::Path) -> Bounded
where
    F: std::future::Future<Output = wasmtime::Result<Option<String>>>,
{
    let watch = async {
        let mut pause = SCRATCH_POLL;
        loop {
            tokio::time::sleep(pause).await;
            let scanned = Instant::now();
            let (bytes, entries) = disk_usage(scratch);
            // a directory with many entries is scanned less often: at most ~10% of the time
            pause = SCRATCH_POLL.max(scanned.elapsed() * 10);
            if bytes > limits.memory || entries > SCRATCH_MAX_ENTRIES {
                return bytes;
            }
        }
    };
    tokio::select! {
        result = tokio::time::timeout(limits.timeout, run) => result.map_err(|_| Stop::TimedOut),
        bytes = watch => Err(Stop::ScratchFull(bytes)),
    }
}

/// Bytes and entries under `dir` (stops counting past the entry cap).
fn disk_usage(dir: &std::path::Path) -> (u64, u64) {
    let (mut bytes, mut entries) = (0u64, 0u64);
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        let Ok(listing) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in listing.flatten() {
            entries += 1;
            if entries > SCRATCH_MAX_ENTRIES {
                return (bytes, entries);
            }
            match entry.metadata() {
                Ok(m) if m.is_dir() => pending.push(entry.path()),
                Ok(m) => bytes = bytes.saturating_add(m.len()),
                Err(_) => {}
            }
        }
    }
    (bytes, entries)
}

/// A store with the limits applied.
fn new_store<W: Send + 'static>(
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
fn output_cap(limits: &Limits) -> usize {
    usize::try_from(limits.max_output).unwrap_or(usize::MAX)
}

/// What is left of a store once its run ended.
struct Ended {
    result: Bounded,
    fuel_left: u64,
    memory_refused: bool,
    facts: Vec<String>,
    facts_dropped: usize,
}

impl Ended {
    fn of<W>(result: Bounded, store: &mut Store<GuestState<W>>) -> Ended {
        let fuel_left = store.get_fuel().unwrap_or(0);
        let data = store.data_mut();
        Ended {
            result,
            fuel_left,
            memory_refused: data.memory.refused,
            facts: std::mem::take(&mut data.facts.lines),
            facts_dropped: data.facts.dropped,
        }
    }

    /// The execution this ended as, with the output captured so far.
    fn execution(
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
        };
        classify(&mut execution, self.result, self.memory_refused, limits);
        execution
    }
}

/// Sets the outcome, exit code, reason and response from how the call ended.
fn classify(run: &mut Execution, result: Bounded, memory_refused: bool, limits: &Limits) {
    let error = match result {
        Err(Stop::TimedOut) => {
            run.outcome = Outcome::TimedOut;
            run.reason = Some(format!(
                "wall-clock limit of {} reached",
                humantime::format_duration(limits.timeout)
            ));
            return;
        }
        Err(Stop::ScratchFull(bytes)) => {
            run.outcome = Outcome::MemoryExceeded;
            run.reason = Some(format!(
                "the scratch directory grew past the memory limit of {} bytes ({bytes} bytes written)",
                limits.memory
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
        run.reason = Some(format!("memory limit of {} bytes reached", limits.memory));
    } else if let Some(exit) = error.downcast_ref::<I32Exit>() {
        run.exit_code = Some(exit.0);
        run.outcome = if exit.0 == 0 {
            Outcome::Completed
        } else {
            Outcome::Failed
        };
    } else if let Some(trap) = error.downcast_ref::<Trap>() {
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

/// Links a guest component against WASI (async) and candor's `emit` import.
pub(crate) fn component_pre(
    engine: &Engine,
    component: &wasmtime::component::Component,
) -> Result<ComponentPre<GuestState<ComponentWasi>>> {
    let mut linker = wasmtime::component::Linker::<GuestState<ComponentWasi>>::new(engine);
    wasmtime_wasi::p2::add_to_linker_async(&mut linker)
        .map_err(|e| Error::engine("linking WASI", e))?;
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

/// Links a WASI preview-1 module against WASI (async) and candor's
/// `candor.emit(ptr, len)` import, which streams one UTF-8 fact.
pub(crate) fn module_pre(
    engine: &Engine,
    module: &wasmtime::Module,
) -> Result<ModulePre<GuestState<WasiP1Ctx>>> {
    let mut linker = wasmtime::Linker::<GuestState<WasiP1Ctx>>::new(engine);
    wasmtime_wasi::p1::add_to_linker_async(&mut linker, |s| &mut s.wasi)
        .map_err(|e| Error::engine("linking WASI", e))?;
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
                if let Some(bytes) = data.get(range) {
                    state
                        .facts
                        .push(String::from_utf8_lossy(bytes).into_owned());
                }
                Ok(())
            },
        )
        .map_err(|e| Error::engine("linking candor's emit import", e))?;
    linker
        .instantiate_pre(module)
        .map_err(|e| Error::engine("preparing the guest runtime", e))
}
