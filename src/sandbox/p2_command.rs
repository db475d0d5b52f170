//! WASI preview-2 command components: a component exporting `wasi:cli/run`,
//! linked against WASI alone and run once per instance under the run's limits.

use super::execution::{
    Ended, Execution, Invocation, bounded, new_store, scratch_dir, wasi_component_linker,
};
use super::guest::{ComponentWasi, GuestState};
use super::limits::Limits;
use crate::error::Result;
use std::time::Instant;
use wasmtime::Engine;
use wasmtime::component::Component;
use wasmtime_wasi::I32Exit;
use wasmtime_wasi::p2::bindings::CommandPre;

/// A command component linked and ready to instantiate.
pub(crate) type CommandComponentPre = CommandPre<GuestState<ComponentWasi>>;

/// Links a command component against WASI preview 2. The inner error is a
/// component that cannot be linked (an import candor does not provide) or
/// that exports no `wasi:cli/run`, in words that name what is missing.
pub(crate) fn command_component_pre(
    engine: &Engine,
    component: &Component,
) -> Result<std::result::Result<CommandComponentPre, String>> {
    let linker = wasi_component_linker(engine)?;
    let pre = match linker.instantiate_pre(component) {
        Ok(pre) => pre,
        Err(e) => return Ok(Err(format!("{e:#}"))),
    };
    Ok(CommandPre::new(pre).map_err(|e| {
        format!("the component is not a WASI command (it must export wasi:cli/run): {e:#}")
    }))
}

/// Instantiates a command component in a fresh store and calls its
/// `wasi:cli/run#run`, holding it to `limits`. A run that returns an error
/// ends with exit status 1, as wasmtime's own command runner does.
pub(crate) async fn execute_command_component(
    engine: &Engine,
    pre: &CommandComponentPre,
    call: &Invocation<'_>,
    limits: &Limits,
) -> Result<Execution> {
    let started = Instant::now();
    let scratch = scratch_dir()?;
    let (io, stdout, stderr) = call.io(scratch.path(), limits);
    let mut store = new_store(engine, io.component_state()?, limits.fuel)?;
    let run = async {
        let command = pre.instantiate_async(&mut store).await?;
        match command.wasi_cli_run().call_run(&mut store).await? {
            Ok(()) => Ok::<Option<String>, wasmtime::Error>(None),
            Err(()) => Err(wasmtime::Error::new(I32Exit(1))),
        }
    };
    // the component's file system counts its own writes (`wasi_fs`)
    let result = bounded(run, limits).await;
    let execution = Ended::of(result, &mut store).execution(&stdout, &stderr, limits, started);
    drop(store);
    drop(scratch);
    Ok(execution)
}
