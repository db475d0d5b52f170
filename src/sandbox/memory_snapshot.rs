//! A preview-1 module's memory kept and put back between the calls it makes
//! for `candor probe`: the `candor.snapshot()` and `candor.restore()` imports.
//!
//! The guest keeps its memory once its program has run, then calls `restore`
//! after each probe call, from the same function and stack depth as
//! `snapshot`: every call then starts from the state the program left, as a
//! fresh instance would, without the snippet's code running again. What the
//! host holds (facts, output, fuel, the clock) stays as the calls left it.
//! Only memory is put back: the module must keep no other state that a call
//! changes (the JavaScript runner's only global is its stack pointer, the same
//! at both points).

use super::guest::GuestState;
use wasmtime::{Caller, Linker, Memory};
use wasmtime_wasi::p1::WasiP1Ctx;

type State = GuestState<WasiP1Ctx>;

/// The largest memory kept: a copy is put back after every call, and kept
/// besides the guest's own memory for the whole run.
pub(crate) const MAX_SNAPSHOT_BYTES: usize = 64 << 20;

/// The unit of memory compared, and copied back when it differs.
const PAGE: usize = 4096;

/// The memory left under the guest's limit that `restore` keeps free beyond
/// twice the most one call grew: calls stop before one could run out of
/// memory (a failure of candor's making, which the snippet might catch).
pub(crate) const GROWTH_MARGIN_BYTES: usize = 16 << 20;

/// The memory a guest kept with `candor.snapshot()`, and how its calls grew
/// the memory.
#[derive(Default)]
pub(crate) struct MemorySnapshot {
    bytes: Option<Vec<u8>>,
    /// The memory's size when the call made last started.
    before: usize,
    /// The most one call grew the memory.
    largest_growth: usize,
}

impl MemorySnapshot {
    /// Whether another call may be made after one that left the memory
    /// `size` bytes large, under a limit of `limit`: memory never shrinks,
    /// and the guest's allocator forgets what a call grew when its own state
    /// is put back, so each call's growth stays, unused, and the next call's
    /// comes on top.
    fn room_for_another(&mut self, size: usize, limit: usize) -> bool {
        self.largest_growth = self.largest_growth.max(size.saturating_sub(self.before));
        self.before = size;
        let left = limit.saturating_sub(size);
        left >= self
            .largest_growth
            .saturating_mul(2)
            .saturating_add(GROWTH_MARGIN_BYTES)
    }
}

/// Adds `candor.snapshot() -> i32` and `candor.restore(live: u32) -> i32` to
/// a preview-1 linker.
///
/// `snapshot` keeps a copy of the memory and returns 1, or returns 0 and keeps
/// nothing when the memory is larger than [`MAX_SNAPSHOT_BYTES`].
///
/// `restore` puts the kept copy back over the start of the memory from
/// address `live` on (nothing when none was kept): below it is the part of
/// the guest's stack that no frame uses when it calls `restore` (its stack
/// grows down from the stack pointer, which is the same as at `snapshot`).
/// It returns 1 while more calls may be made, 0 once
/// the memory left under the guest's limit is less than twice the most one
/// call grew it, and [`GROWTH_MARGIN_BYTES`] besides.
pub(super) fn link(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    linker.func_wrap("candor", "snapshot", |mut caller: Caller<'_, State>| {
        let Some(memory) = memory(&mut caller) else {
            return Ok(0);
        };
        let (data, state) = memory.data_and_store_mut(&mut caller);
        if data.len() > MAX_SNAPSHOT_BYTES {
            state.snapshot.bytes = None;
            return Ok(0);
        }
        state.snapshot.bytes = Some(data.to_vec());
        state.snapshot.before = data.len();
        Ok(1)
    })?;
    linker.func_wrap(
        "candor",
        "restore",
        |mut caller: Caller<'_, State>, live: u32| {
            let Some(memory) = memory(&mut caller) else {
                return Ok(1);
            };
            let (data, state) = memory.data_and_store_mut(&mut caller);
            let Some(kept) = state.snapshot.bytes.as_deref() else {
                return Ok(1);
            };
            // memory only grows, so the kept bytes always fit; a call changes few
            // of its pages, and comparing a page costs less than writing it
            let live = (live as usize).min(kept.len());
            for (now, then) in data[live..kept.len()]
                .chunks_mut(PAGE)
                .zip(kept[live..].chunks(PAGE))
            {
                if now != then {
                    now.copy_from_slice(then);
                }
            }
            let limit = state.memory.limit();
            Ok(i32::from(
                state.snapshot.room_for_another(data.len(), limit),
            ))
        },
    )?;
    Ok(())
}

fn memory(caller: &mut Caller<'_, State>) -> Option<Memory> {
    caller.get_export("memory").and_then(|e| e.into_memory())
}

#[cfg(test)]
mod tests {
    use super::MemorySnapshot;

    const MIB: usize = 1 << 20;

    #[test]
    fn calls_stop_while_twice_the_largest_growth_and_the_margin_still_fit() {
        let mut kept = MemorySnapshot {
            bytes: None,
            before: 4 * MIB,
            largest_growth: 0,
        };
        // calls that grow nothing go on for ever
        assert!(kept.room_for_another(4 * MIB, 100 * MIB));
        assert!(kept.room_for_another(4 * MIB, 100 * MIB));
        // 20 MiB a call: 76 MiB left >= 2 * 20 + 16
        assert!(kept.room_for_another(24 * MIB, 100 * MIB));
        // 56 MiB left >= 56
        assert!(kept.room_for_another(44 * MIB, 100 * MIB));
        // 36 MiB left < 56: no more calls
        assert!(!kept.room_for_another(64 * MIB, 100 * MIB));
    }

    #[test]
    fn one_large_call_is_remembered_after_small_ones() {
        let mut kept = MemorySnapshot {
            bytes: None,
            before: 0,
            largest_growth: 0,
        };
        assert!(kept.room_for_another(30 * MIB, 200 * MIB));
        // a call that grew 1 MiB still needs room for one of 30
        assert!(!kept.room_for_another(31 * MIB, 90 * MIB));
    }
}
