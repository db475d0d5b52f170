//! A run's claim on the sandbox: the instance slot it holds while it runs.

use std::sync::Mutex;
use tokio::sync::OwnedSemaphorePermit;

/// A run's instance slot, and whether the run had the sandbox to itself when
/// it started. The slot is released when the run's slot is dropped, or later,
/// with [`RunSlot::release_after`], once what the run left behind is dropped.
pub(crate) struct RunSlot {
    permit: Mutex<Option<OwnedSemaphorePermit>>,
    /// Whether no other run was in progress when this one started.
    pub(crate) alone: bool,
}

impl RunSlot {
    /// A slot holding `permit`.
    pub(crate) fn new(permit: OwnedSemaphorePermit, alone: bool) -> Self {
        RunSlot {
            permit: Mutex::new(Some(permit)),
            alone,
        }
    }

    /// Drops `leftovers` (a used store, say, whose reset is costly) and only
    /// then releases the slot, so that the pool never holds more instances
    /// than it has room for. With `in_background`, inside a tokio runtime, the
    /// drop happens on a blocking thread, after the caller has gone on.
    pub(crate) fn release_after<L: Send + 'static>(&self, leftovers: L, in_background: bool) {
        let permit = self.permit.lock().unwrap_or_else(|p| p.into_inner()).take();
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) if in_background => {
                runtime.spawn_blocking(move || drop((leftovers, permit)));
            }
            _ => drop((leftovers, permit)),
        }
    }
}
