//! Events a compiled program's run reports to the host, each with where the
//! program was: the `candor.event(ptr, len)` import (its C library wrappers
//! call it), and writes to stderr that say "error", watched at `fd_write`.
//!
//! Each event reaches the run's fact log as one line: the offsets in the
//! module of the caller's frames, innermost first, comma separated, a tab,
//! then the event's JSON. The runtime maps the offsets to source lines.

use super::guest::GuestState;
use super::wasi_p1_fs::counted_fd_write;
use wasmtime::{Caller, Linker};
use wasmtime_wasi::p1::WasiP1Ctx;

type State = GuestState<WasiP1Ctx>;

/// How many frames of the caller's stack an event keeps.
const EVENT_FRAMES: usize = 24;
/// The bytes of one stderr write searched for "error".
const WATCHED_BYTES: usize = 4096;
/// The characters of the stderr line an event keeps.
const LINE_CHARS: usize = 80;

/// Adds the `candor.event` import and the stderr watch to a linker that
/// holds WASI preview 1 (with its counted file system).
pub(super) fn link(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    linker.func_wrap(
        "candor",
        "event",
        |mut caller: Caller<'_, State>, ptr: u32, len: u32| {
            let Some(memory) = caller.get_export("memory").and_then(|e| e.into_memory()) else {
                return Ok(());
            };
            let range = ptr as usize..(ptr as usize).saturating_add(len as usize);
            let Some(text) = memory.data(&caller).get(range) else {
                return Ok(());
            };
            let text = String::from_utf8_lossy(text).into_owned();
            log(&mut caller, &text);
            Ok(())
        },
    )?;
    linker.allow_shadowing(true);
    linker.func_wrap_async(
        "wasi_snapshot_preview1",
        "fd_write",
        |mut caller: Caller<'_, State>, (fd, iovs, len, out): (i32, i32, i32, i32)| {
            Box::new(async move {
                if fd == 2
                    && let Some(line) = error_line(&mut caller, iovs, len)
                {
                    let event = serde_json::json!({"call": "stderr", "input": line});
                    log(&mut caller, &event.to_string());
                }
                counted_fd_write(&mut caller, fd, iovs, len, out).await
            })
        },
    )?;
    linker.allow_shadowing(false);
    Ok(())
}

/// Logs `event` with the offsets of the caller's frames.
fn log(caller: &mut Caller<'_, State>, event: &str) {
    let trace = wasmtime::WasmBacktrace::capture(&*caller);
    let offsets: Vec<String> = trace
        .frames()
        .iter()
        .take(EVENT_FRAMES)
        .map(|f| f.module_offset().map_or(String::new(), |o| o.to_string()))
        .collect();
    caller
        .data_mut()
        .facts
        .push(format!("{}\t{event}", offsets.join(",")));
}

/// The line of a write (`iovs`, `len` iovecs in the guest's memory) that
/// holds the word "error" in any case, cut to `LINE_CHARS`; None otherwise.
fn error_line(caller: &mut Caller<'_, State>, iovs: i32, len: i32) -> Option<String> {
    let memory = caller.get_export("memory")?.into_memory()?;
    let data = memory.data(&*caller);
    let mut written = Vec::new();
    for i in 0..(len.max(0) as usize).min(16) {
        let at = (iovs as u32 as usize).checked_add(i * 8)?;
        let entry = data.get(at..at + 8)?;
        let buf = u32::from_le_bytes(entry[..4].try_into().ok()?) as usize;
        let size = u32::from_le_bytes(entry[4..].try_into().ok()?) as usize;
        let take = size.min(WATCHED_BYTES.saturating_sub(written.len()));
        written.extend_from_slice(data.get(buf..buf.checked_add(take)?)?);
        if written.len() >= WATCHED_BYTES {
            break;
        }
    }
    let text = String::from_utf8_lossy(&written);
    let line = text
        .lines()
        .find(|line| line.to_ascii_lowercase().contains("error"))?;
    Some(line.chars().take(LINE_CHARS).collect())
}
