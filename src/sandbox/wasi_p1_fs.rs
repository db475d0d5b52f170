//! WASI preview 1's file-system calls, held to the run's [`DiskQuota`]: each
//! call that writes bytes to a file, creates an entry or opens a descriptor is
//! counted first, then handed to wasmtime-wasi's own implementation. A call
//! past the quota traps the guest (the report says `memory_exceeded` with the
//! reason), as for components (`wasi_fs`). Also `proc_exit`, which here takes
//! any status.

use super::disk::QuotaExceeded;
use super::guest::GuestState;
use wasmtime::{AsContextMut, Caller, Linker};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p1::types::{Fd, Filetype, Lookupflags};
use wasmtime_wasi::p1::wasi_snapshot_preview1::{self as p1, WasiSnapshotPreview1};
use wiggle::GuestMemory;

const MODULE: &str = "wasi_snapshot_preview1";
/// `oflags` bits of `path_open`.
const OFLAGS_CREAT: i32 = 1;
const OFLAGS_EXCL: i32 = 4;

type State = GuestState<WasiP1Ctx>;

/// Replaces the counted calls in a linker that already holds wasmtime-wasi's
/// preview-1 functions.
pub(crate) fn shadow(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    linker.allow_shadowing(true);
    // wasmtime-wasi refuses a status outside 0..126 with an error instead of
    // an exit; a C program's `exit(-1)` or `return 255` is an exit like any
    // other, reported with the status it gave
    linker.func_wrap(MODULE, "proc_exit", |_: Caller<'_, State>, status: i32| {
        Err::<(), _>(wasmtime::Error::new(wasmtime_wasi::I32Exit(status)))
    })?;
    linker.func_wrap_async(
        MODULE,
        "fd_write",
        |mut caller: Caller<'_, State>, (fd, iovs, len, out): (i32, i32, i32, i32)| {
            Box::new(async move { counted_fd_write(&mut caller, fd, iovs, len, out).await })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_pwrite",
        |mut caller: Caller<'_, State>, (fd, iovs, len, offset, out): (i32, i32, i32, i64, i32)| {
            Box::new(async move {
                let (mut memory, state, fuel) = parts(&mut caller)?;
                count_file_write(state, &mut memory, fd, iovs, len).await?;
                state.wasi.set_hostcall_fuel(fuel);
                p1::fd_pwrite(&mut state.wasi, &mut memory, fd, iovs, len, offset, out).await
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_filestat_set_size",
        |mut caller: Caller<'_, State>, (fd, size): (i32, i64)| {
            Box::new(async move {
                let (mut memory, state, fuel) = parts(&mut caller)?;
                if let Ok(stat) = state
                    .wasi
                    .fd_filestat_get(&mut memory, Fd::from(fd as u32))
                    .await
                    && (size as u64) > stat.size
                {
                    state.disk.write(size as u64 - stat.size).map_err(trap)?;
                }
                state.wasi.set_hostcall_fuel(fuel);
                p1::fd_filestat_set_size(&mut state.wasi, &mut memory, fd, size).await
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "path_open",
        |mut caller: Caller<'_, State>,
         (dir, dirflags, path, path_len, oflags, base, inheriting, fdflags, opened): (
            i32,
            i32,
            i32,
            i32,
            i32,
            i64,
            i64,
            i32,
            i32,
        )| {
            Box::new(async move {
                let (mut memory, state, fuel) = parts(&mut caller)?;
                state.disk.may_open().map_err(trap)?;
                if oflags & OFLAGS_CREAT != 0 {
                    // an entry is created when the flags ask for it and the path is free
                    let exists = oflags & OFLAGS_EXCL == 0
                        && path_exists(state, &mut memory, dir, path, path_len).await;
                    if !exists {
                        state.disk.create().map_err(trap)?;
                    }
                }
                state.wasi.set_hostcall_fuel(fuel);
                let errno = p1::path_open(
                    &mut state.wasi,
                    &mut memory,
                    dir,
                    dirflags,
                    path,
                    path_len,
                    oflags,
                    base,
                    inheriting,
                    fdflags,
                    opened,
                )
                .await?;
                if errno == 0 {
                    let fd = memory.read(wiggle::GuestPtr::<u32>::new(opened as u32))?;
                    state.disk.opened(fd);
                }
                Ok(errno)
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_close",
        |mut caller: Caller<'_, State>, (fd,): (i32,)| {
            Box::new(async move {
                let (mut memory, state, fuel) = parts(&mut caller)?;
                state.wasi.set_hostcall_fuel(fuel);
                let errno = p1::fd_close(&mut state.wasi, &mut memory, fd).await?;
                if errno == 0 {
                    state.disk.closed(fd as u32);
                }
                Ok(errno)
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_renumber",
        |mut caller: Caller<'_, State>, (from, to): (i32, i32)| {
            Box::new(async move {
                let (mut memory, state, fuel) = parts(&mut caller)?;
                state.wasi.set_hostcall_fuel(fuel);
                let errno = p1::fd_renumber(&mut state.wasi, &mut memory, from, to).await?;
                if errno == 0 && from != to {
                    // `to` was closed and `from` now lives there
                    state.disk.closed(to as u32);
                    if state.disk.is_open(from as u32) {
                        state.disk.closed(from as u32);
                        state.disk.opened(to as u32);
                    }
                }
                Ok(errno)
            })
        },
    )?;
    for name in ["path_create_directory", "path_symlink", "path_link"] {
        shadow_creation(linker, name)?;
    }
    linker.allow_shadowing(false);
    Ok(())
}

/// Counts one created entry, then runs the call that creates it.
fn shadow_creation(linker: &mut Linker<State>, name: &'static str) -> wasmtime::Result<()> {
    match name {
        "path_create_directory" => linker.func_wrap_async(
            MODULE,
            name,
            |mut caller: Caller<'_, State>, (dir, path, len): (i32, i32, i32)| {
                Box::new(async move {
                    let (mut memory, state, fuel) = parts(&mut caller)?;
                    state.disk.create().map_err(trap)?;
                    state.wasi.set_hostcall_fuel(fuel);
                    p1::path_create_directory(&mut state.wasi, &mut memory, dir, path, len).await
                })
            },
        )?,
        "path_symlink" => linker.func_wrap_async(
            MODULE,
            name,
            |mut caller: Caller<'_, State>,
             (old, old_len, dir, new, new_len): (i32, i32, i32, i32, i32)| {
                Box::new(async move {
                    let (mut memory, state, fuel) = parts(&mut caller)?;
                    state.disk.create().map_err(trap)?;
                    state.wasi.set_hostcall_fuel(fuel);
                    p1::path_symlink(
                        &mut state.wasi,
                        &mut memory,
                        old,
                        old_len,
                        dir,
                        new,
                        new_len,
                    )
                    .await
                })
            },
        )?,
        _ => linker.func_wrap_async(
            MODULE,
            name,
            |mut caller: Caller<'_, State>,
             (old_dir, flags, old, old_len, new_dir, new, new_len): (
                i32,
                i32,
                i32,
                i32,
                i32,
                i32,
                i32,
            )| {
                Box::new(async move {
                    let (mut memory, state, fuel) = parts(&mut caller)?;
                    state.disk.create().map_err(trap)?;
                    state.wasi.set_hostcall_fuel(fuel);
                    p1::path_link(
                        &mut state.wasi,
                        &mut memory,
                        old_dir,
                        flags,
                        old,
                        old_len,
                        new_dir,
                        new,
                        new_len,
                    )
                    .await
                })
            },
        )?,
    };
    Ok(())
}

/// The guest's memory and the store's state, borrowed together, and the
/// host-call budget (bytes the host may copy out of the guest for one call)
/// that wasmtime-wasi's own glue gives every call; it is given again before
/// each preview-1 function this module calls.
/// `fd_write`, its bytes counted against the quota when `fd` is a file.
pub(super) async fn counted_fd_write(
    caller: &mut Caller<'_, State>,
    fd: i32,
    iovs: i32,
    len: i32,
    out: i32,
) -> wasmtime::Result<i32> {
    let (mut memory, state, fuel) = parts(caller)?;
    count_file_write(state, &mut memory, fd, iovs, len).await?;
    state.wasi.set_hostcall_fuel(fuel);
    p1::fd_write(&mut state.wasi, &mut memory, fd, iovs, len, out).await
}

fn parts<'a>(
    caller: &'a mut Caller<'_, State>,
) -> wasmtime::Result<(GuestMemory<'a>, &'a mut State, usize)> {
    let Some(memory) = caller.get_export("memory").and_then(|e| e.into_memory()) else {
        return Err(wasmtime::Error::msg("the module exports no memory"));
    };
    let fuel = caller.as_context_mut().hostcall_fuel();
    let (data, state) = memory.data_and_store_mut(caller);
    state.wasi.set_hostcall_fuel(fuel);
    Ok((GuestMemory::Unshared(data), state, fuel))
}

/// Counts the bytes of a write when `fd` is a regular file (stdout and stderr
/// have their own cap).
async fn count_file_write(
    state: &mut State,
    memory: &mut GuestMemory<'_>,
    fd: i32,
    iovs: i32,
    len: i32,
) -> wasmtime::Result<()> {
    let is_file = matches!(
        state.wasi.fd_fdstat_get(memory, Fd::from(fd as u32)).await,
        Ok(stat) if stat.fs_filetype == Filetype::RegularFile
    );
    if is_file {
        state
            .disk
            .write(iovec_bytes(memory, iovs, len))
            .map_err(trap)?;
    }
    Ok(())
}

/// Most iovecs looked at for the one a write uses (POSIX's IOV_MAX).
const IOV_MAX: u64 = 1024;

/// The bytes a write of an iovec array writes: wasmtime-wasi writes the first
/// non-empty buffer only (an unreadable array counts as nothing: the call
/// itself then fails).
fn iovec_bytes(memory: &GuestMemory<'_>, iovs: i32, len: i32) -> u64 {
    let base = u64::from(iovs as u32);
    (0..u64::from(len as u32).min(IOV_MAX))
        .map_while(|i| {
            let at = u32::try_from(base + i * 8 + 4).ok()?;
            memory.read(wiggle::GuestPtr::<u32>::new(at)).ok()
        })
        .find(|&n| n > 0)
        .map_or(0, u64::from)
}

/// Whether `path` (relative to `dir`) names something already.
async fn path_exists(
    state: &mut State,
    memory: &mut GuestMemory<'_>,
    dir: i32,
    path: i32,
    len: i32,
) -> bool {
    let path = wiggle::GuestPtr::<str>::new((path as u32, len as u32));
    state
        .wasi
        .path_filestat_get(memory, Fd::from(dir as u32), Lookupflags::empty(), path)
        .await
        .is_ok()
}

fn trap(why: QuotaExceeded) -> wasmtime::Error {
    wasmtime::Error::new(why)
}

#[cfg(test)]
mod tests {
    use super::super::engine::build_engine;
    use super::super::execution::{Invocation, execute_module, module_pre};
    use super::super::limits::Limits;
    use crate::report::Outcome;

    /// A command that opens `count` files (named by one changing byte, in
    /// `dir` 3, the scratch directory), optionally renumbers each onto
    /// stdout, and writes 64 KiB to each `writes` times.
    fn module(count: u32, writes: u32, onto_stdout: bool) -> Vec<u8> {
        let renumber = if onto_stdout {
            "(drop (call $renumber (i32.load (i32.const 8)) (i32.const 1))) (i32.store (i32.const 8) (i32.const 1))"
        } else {
            ""
        };
        wat::parse_str(format!(
            r#"(module
              (import "wasi_snapshot_preview1" "path_open"
                (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write"
                (func $write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_renumber"
                (func $renumber (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 2)
              ;; the iovec at 0: 64 KiB from address 65536
              (data (i32.const 0) "\00\00\01\00\00\00\01\00")
              (data (i32.const 32) "file-0")
              (func (export "_start")
                (local $i i32) (local $w i32) (local $e i32)
                (loop $files
                  (i32.store8 (i32.const 37) (i32.add (i32.const 48) (i32.rem_u (local.get $i) (i32.const 64))))
                  (i32.store8 (i32.const 36) (i32.add (i32.const 48) (i32.div_u (local.get $i) (i32.const 64))))
                  (local.set $e (call $open (i32.const 3) (i32.const 0) (i32.const 32) (i32.const 6)
                        (i32.const 1) (i64.const 0x1fffffff) (i64.const 0x1fffffff) (i32.const 0) (i32.const 8)))
                  (if (local.get $e) (then (call $exit (local.get $e))))
                  {renumber}
                  (local.set $w (i32.const 0))
                  (block $done
                    (loop $writes
                      (br_if $done (i32.ge_u (local.get $w) (i32.const {writes})))
                      (drop (call $write (i32.load (i32.const 8)) (i32.const 0) (i32.const 1) (i32.const 16)))
                      (local.set $w (i32.add (local.get $w) (i32.const 1)))
                      (br $writes)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $files (i32.lt_u (local.get $i) (i32.const {count}))))))"#
        ))
        .unwrap()
    }

    fn run(wasm: &[u8], limits: Limits) -> super::super::execution::Execution {
        let engine = build_engine(1).unwrap();
        let module = wasmtime::Module::new(&engine, wasm).unwrap();
        let pre = module_pre(&engine, &module).unwrap();
        let call = Invocation {
            args: &[],
            env: &[],
            stdin: &[],
            determinism: crate::sandbox::guest::Determinism::FIXED,
            read_only: &[],
        };
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(execute_module(&engine, &pre, &call, &limits))
            .unwrap()
    }

    fn limits(memory: u64) -> Limits {
        Limits {
            memory,
            ..Limits::default()
        }
    }

    #[test]
    fn file_writes_count_against_the_quota() {
        let ended = run(&module(1, 64, false), limits(1 << 20));
        assert_eq!(
            ended.outcome,
            Outcome::MemoryExceeded,
            "{:?} {:?}",
            ended.reason,
            ended.exit_code
        );
        assert!(
            ended.reason.as_deref().unwrap().contains("quota of 1 MiB"),
            "{:?}",
            ended.reason
        );
        let within = run(&module(1, 8, false), limits(1 << 20));
        assert_eq!(within.outcome, Outcome::Completed, "{:?}", within.reason);
    }

    #[test]
    fn a_file_renumbered_onto_stdout_is_still_counted() {
        let ended = run(&module(1, 64, true), limits(1 << 20));
        assert_eq!(ended.outcome, Outcome::MemoryExceeded, "{:?}", ended.reason);
        assert!(ended.stdout.is_empty());
    }

    #[test]
    fn open_descriptors_are_capped() {
        let ended = run(&module(4000, 0, false), limits(1 << 20));
        assert_eq!(ended.outcome, Outcome::MemoryExceeded, "{:?}", ended.reason);
        assert!(
            ended
                .reason
                .as_deref()
                .unwrap()
                .contains("files open at once"),
            "{:?}",
            ended.reason
        );
    }
}
