//! One run of a guest component under fuel, memory, wall-clock and output limits.

use super::guest::{GuestIo, GuestState};
use super::limits::Limits;
use super::output::CappedOutput;
use crate::error::{Error, Result};
use crate::report::Outcome;
use std::time::{Duration, Instant};
use wasmtime::component::InstancePre;
use wasmtime::{Engine, Store, Trap};
use wasmtime_wasi::I32Exit;

/// Fuel burned between two yields to the executor: ~2 ms of guest CPU. Each
/// yield is a chance for the wall-clock timeout to fire.
const FUEL_YIELD_INTERVAL: u64 = 10_000_000;

/// What the guest is asked to do.
pub(crate) struct Invocation<'a> {
    /// The export to call; it takes one string and returns one string.
    pub(crate) export: &'a str,
    /// Its argument.
    pub(crate) request: &'a str,
    pub(crate) args: &'a [String],
    pub(crate) env: &'a [(String, String)],
    pub(crate) stdin: &'a [u8],
    pub(crate) deterministic: bool,
}

/// How one execution ended, before any language-specific interpretation.
pub(crate) struct Execution {
    pub(crate) outcome: Outcome,
    /// The guest's exit status when it ended by `exit`; otherwise None.
    pub(crate) exit_code: Option<i32>,
    /// Why the run ended abnormally (a trap, a limit), in words.
    pub(crate) reason: Option<String>,
    /// The export's return value, when the call returned.
    pub(crate) response: Option<String>,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
    pub(crate) truncated: bool,
    pub(crate) fuel_consumed: u64,
    pub(crate) duration: Duration,
    pub(crate) facts: Vec<String>,
    pub(crate) facts_dropped: usize,
}

/// Instantiates `pre` in a fresh store and calls the export, holding it to `limits`.
pub(crate) async fn execute(
    engine: &Engine,
    pre: &InstancePre<GuestState>,
    call: &Invocation<'_>,
    limits: &Limits,
) -> Result<Execution> {
    let started = Instant::now();
    let scratch = tempfile::Builder::new()
        .prefix("candor-scratch-")
        .tempdir()
        .map_err(|e| Error::BadInput(format!("creating the scratch directory: {e}")))?;
    let cap = usize::try_from(limits.max_output).unwrap_or(usize::MAX);
    let stdout = CappedOutput::new(cap);
    let stderr = CappedOutput::new(cap);
    let state = GuestIo {
        args: call.args,
        env: call.env,
        stdin: call.stdin,
        scratch: scratch.path(),
        stdout: stdout.clone(),
        stderr: stderr.clone(),
        deterministic: call.deterministic,
        memory_limit: limits.memory,
    }
    .into_state()?;

    let mut store = Store::new(engine, state);
    store.limiter(|s| &mut s.memory);
    store
        .set_fuel(limits.fuel)
        .map_err(|e| Error::engine("setting the fuel budget", e))?;
    store
        .fuel_async_yield_interval(Some(FUEL_YIELD_INTERVAL))
        .map_err(|e| Error::engine("setting the fuel yield interval", e))?;

    let guest = async {
        let instance = pre.instantiate_async(&mut store).await?;
        let run = instance.get_typed_func::<(&str,), (String,)>(&mut store, call.export)?;
        let (response,) = run.call_async(&mut store, (call.request,)).await?;
        Ok::<String, wasmtime::Error>(response)
    };
    let result = tokio::time::timeout(limits.timeout, guest).await;

    let fuel_left = store.get_fuel().unwrap_or(0);
    let fuel_consumed = limits.fuel.saturating_sub(fuel_left);
    let memory_refused = store.data().memory.refused;
    let facts_dropped = store.data().facts.dropped;
    let facts = std::mem::take(&mut store.data_mut().facts.lines);
    drop(store);

    let (mut outcome, mut exit_code, mut reason, mut response) =
        (Outcome::Completed, None, None, None);
    match result {
        Err(_elapsed) => {
            outcome = Outcome::TimedOut;
            reason = Some(format!(
                "wall-clock limit of {} reached",
                humantime::format_duration(limits.timeout)
            ));
        }
        Ok(Ok(text)) => response = Some(text),
        Ok(Err(error)) => {
            if memory_refused {
                outcome = Outcome::MemoryExceeded;
                reason = Some(format!("memory limit of {} bytes reached", limits.memory));
            } else if let Some(exit) = error.downcast_ref::<I32Exit>() {
                exit_code = Some(exit.0);
                outcome = if exit.0 == 0 {
                    Outcome::Completed
                } else {
                    Outcome::Failed
                };
            } else if let Some(trap) = error.downcast_ref::<Trap>() {
                match trap {
                    Trap::OutOfFuel => {
                        outcome = Outcome::FuelExhausted;
                        reason = Some(format!("fuel budget of {} exhausted", limits.fuel));
                    }
                    Trap::StackOverflow => {
                        outcome = Outcome::Failed;
                        reason = Some("the guest overflowed its stack".to_string());
                    }
                    other => {
                        outcome = Outcome::Failed;
                        reason = Some(format!("the guest trapped: {other}"));
                    }
                }
            } else {
                outcome = Outcome::Failed;
                reason = Some(format!("the guest stopped: {error:#}"));
            }
        }
    }
    let (stdout, out_cut) = stdout.take();
    let (stderr, err_cut) = stderr.take();
    drop(scratch);
    Ok(Execution {
        outcome,
        exit_code,
        reason,
        response,
        stdout,
        stderr,
        truncated: out_cut || err_cut,
        fuel_consumed,
        duration: started.elapsed(),
        facts,
        facts_dropped,
    })
}

/// Links a guest component against WASI (async) and candor's `emit` import.
pub(crate) fn instantiate_pre(
    engine: &Engine,
    component: &wasmtime::component::Component,
) -> Result<InstancePre<GuestState>> {
    let mut linker = wasmtime::component::Linker::<GuestState>::new(engine);
    wasmtime_wasi::p2::add_to_linker_async(&mut linker)
        .map_err(|e| Error::engine("linking WASI", e))?;
    linker
        .root()
        .func_wrap(
            "emit",
            |mut cx: wasmtime::StoreContextMut<'_, GuestState>, (fact,): (String,)| {
                cx.data_mut().facts.push(fact);
                Ok(())
            },
        )
        .map_err(|e| Error::engine("linking candor's emit import", e))?;
    linker
        .instantiate_pre(component)
        .map_err(|e| Error::engine("preparing the guest runtime", e))
}
