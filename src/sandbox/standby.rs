//! An instance kept ready for the next run, made on a thread of its own: a run
//! then starts with a live instance instead of instantiating one.
//!
//! Every run still gets an instance no snippet ran in before: the ready one
//! was instantiated from the runtime (its start functions are candor's own
//! runtime code) and left untouched until it is taken.

use super::engine::MAX_GUEST_MEMORY;
use super::execution::{StagedComponent, stage_component};
use super::guest::{ComponentWasi, GuestState};
use crate::error::{Error, Result};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use wasmtime::Engine;
use wasmtime::component::InstancePre;

/// A request to the standby thread: make an instance ready, unless one is.
struct Refill;

/// The sandbox's side of how a ready instance is made.
#[derive(Clone, Copy)]
pub(crate) struct KeepReady {
    pub(crate) determinism: super::guest::Determinism,
    /// The fuel instantiation may burn (a run gets its own budget).
    pub(crate) fuel: u64,
}

/// How a ready instance is made. It may grow its memory up to
/// [`MAX_GUEST_MEMORY`] while instantiating; a run's own limit is applied when
/// the instance is taken.
pub(crate) struct StandbyRecipe {
    pub(crate) engine: Engine,
    pub(crate) pre: InstancePre<GuestState<ComponentWasi>>,
    pub(crate) settings: KeepReady,
}

/// One component instance kept ready, refilled in the background.
pub(crate) struct Standby {
    /// What the ready instances are made with; a run with other settings
    /// makes its own.
    pub(crate) determinism: super::guest::Determinism,
    ready: Arc<Mutex<Option<StagedComponent>>>,
    jobs: mpsc::Sender<Refill>,
}

impl Standby {
    /// Starts the standby thread and asks it for a first ready instance.
    pub(crate) fn start(recipe: StandbyRecipe) -> Result<Standby> {
        let determinism = recipe.settings.determinism;
        let ready = Arc::new(Mutex::new(None));
        let (jobs, queue) = mpsc::channel();
        let shelf = Arc::clone(&ready);
        std::thread::Builder::new()
            .name("candor-standby".to_string())
            .spawn(move || serve(&recipe, &shelf, &queue))
            .map_err(|e| Error::Internal(format!("starting the standby thread: {e}")))?;
        let standby = Standby {
            determinism,
            ready,
            jobs,
        };
        standby.refill();
        Ok(standby)
    }

    /// The ready instance, if there is one whose memory fits within
    /// `memory_limit`; either way the thread is asked to have one ready next.
    pub(crate) fn take(&self, memory_limit: u64) -> Option<StagedComponent> {
        let taken = {
            let mut ready = self.ready.lock().unwrap_or_else(|p| p.into_inner());
            match ready.as_ref() {
                Some(staged) if staged.memory_in_use() <= memory_limit => ready.take(),
                _ => None,
            }
        };
        self.refill();
        taken
    }

    fn refill(&self) {
        // the thread only ends once this sender is gone; should it have died,
        // runs simply instantiate their own
        let _ = self.jobs.send(Refill);
    }
}

impl Drop for Standby {
    fn drop(&mut self) {
        // release the ready instance now; the thread ends when the channel closes
        self.ready.lock().unwrap_or_else(|p| p.into_inner()).take();
    }
}

/// The standby thread: runs jobs until the [`Standby`] is dropped.
fn serve(
    recipe: &StandbyRecipe,
    shelf: &Mutex<Option<StagedComponent>>,
    queue: &mpsc::Receiver<Refill>,
) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        // without a runtime nothing is made ready; runs instantiate their own
        return;
    };
    while let Ok(Refill) = queue.recv() {
        if shelf.lock().unwrap_or_else(|p| p.into_inner()).is_some() {
            continue;
        }
        let staged = runtime.block_on(stage_component(
            &recipe.engine,
            &recipe.pre,
            recipe.settings.determinism,
            MAX_GUEST_MEMORY,
            recipe.settings.fuel,
            &[],
        ));
        // an instance that cannot be made is left to the runs, which
        // instantiate their own and report why it failed
        if let Ok(Ok(staged)) = staged {
            *shelf.lock().unwrap_or_else(|p| p.into_inner()) = Some(staged);
        }
    }
}
