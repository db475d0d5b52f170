//! Per-run temporary directories, kept under one directory per process so that
//! those of a process that died (SIGKILL, an OOM kill, an abort) can be told
//! apart from live ones and removed.
//!
//! A process's runs make their directories (the guest's scratch `/`, the
//! JavaScript program) in `$TMPDIR/candor-<pid>-<random>/`, created on first
//! use, which holds a file `lock` that the process keeps locked for as long as
//! it lives: the kernel releases the lock of a process however it ends. The
//! first [`SandboxBuilder::build`](crate::SandboxBuilder::build) of a process
//! sweeps `$TMPDIR` for such directories of its own user whose lock it can
//! take, and removes a bounded number of them. A process that exits normally
//! removes its own.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, TryLockError};
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

/// Names of per-process directories start with this, then `<pid>-<random>`.
const PREFIX: &str = "candor-";
/// The lock file inside a per-process directory.
const LOCK: &str = "lock";
/// Most `$TMPDIR` entries one sweep reads.
const SWEEP_SCAN: usize = 100_000;
/// Most per-process directories one sweep tries to remove.
const SWEEP_REMOVE: usize = 16;
/// How old a per-process directory without its lock file must be before a
/// sweep takes it for the leftover of a process that died creating it.
const LOCKLESS_GRACE: Duration = Duration::from_secs(600);

/// This process's directory, and its lock file (locked while it is open).
struct ProcessDir {
    path: PathBuf,
    _lock: File,
}

static PROCESS_DIR: Mutex<Option<ProcessDir>> = Mutex::new(None);

/// A new directory for one run, `<prefix><random>`, removed when dropped.
pub(crate) fn run_dir(prefix: &str) -> io::Result<TempDir> {
    let mut slot = PROCESS_DIR.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(parent) = slot.as_ref() {
        match tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(&parent.path)
        {
            // removed from under the process (a tmp cleaner): made again below
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            made => return made,
        }
    }
    let parent = create_process_dir()?;
    let made = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(&parent.path);
    *slot = Some(parent);
    made
}

fn create_process_dir() -> io::Result<ProcessDir> {
    static AT_EXIT: Once = Once::new();
    // made under a name no sweep looks at, and renamed to its final name only
    // once its lock is held: a sweep in another process that opened the lock
    // file between its creation and its locking would remove a live directory
    let pid = std::process::id();
    let staging_prefix = format!(".{PREFIX}starting-{pid}-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&staging_prefix);
    #[cfg(unix)]
    {
        // other users of a shared $TMPDIR see none of the runs' files
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o700));
    }
    let dir = builder.tempdir_in(std::env::temp_dir())?;
    let lock = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dir.path().join(LOCK))?;
    lock.lock()?;
    let staging = dir.path().to_path_buf();
    let random = staging
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix(&staging_prefix))
        .unwrap_or("0")
        .to_string();
    let path = staging.with_file_name(format!("{PREFIX}{pid}-{random}"));
    fs::rename(&staging, &path)?;
    let _ = dir.keep();
    AT_EXIT.call_once(register_exit_cleanup);
    Ok(ProcessDir { path, _lock: lock })
}

/// Removes this process's temporary directories, with whatever runs left in
/// them. Called at exit; never blocks (an exit must not wait on a run).
pub(crate) fn remove_process_dir() {
    let mut slot = match PROCESS_DIR.try_lock() {
        Ok(slot) => slot,
        Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        Err(TryLockError::WouldBlock) => return,
    };
    if let Some(dir) = slot.take() {
        let _ = fs::remove_dir_all(&dir.path);
    }
}

#[cfg(unix)]
fn register_exit_cleanup() {
    extern "C" fn at_exit() {
        remove_process_dir();
    }
    // SAFETY: registers a plain function with no arguments; a failure (the
    // table is full) only leaves the directory for the next sweep.
    unsafe {
        libc::atexit(at_exit);
    }
}

#[cfg(not(unix))]
fn register_exit_cleanup() {}

/// Removes the per-process directories of dead processes from `$TMPDIR`,
/// once per process. Best effort, and bounded (see [`sweep`]).
pub(crate) fn sweep_once() {
    static SWEPT: Once = Once::new();
    SWEPT.call_once(|| {
        sweep(&std::env::temp_dir());
    });
}

/// Removes from `tmp` the per-process directories whose lock no process holds,
/// at most [`SWEEP_REMOVE`] of them among the first [`SWEEP_SCAN`] entries;
/// returns how many it tried.
fn sweep(tmp: &Path) -> usize {
    let Ok(listing) = fs::read_dir(tmp) else {
        return 0;
    };
    let mut tried = 0;
    for entry in listing.take(SWEEP_SCAN).flatten() {
        if tried == SWEEP_REMOVE {
            break;
        }
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_process_dir_name) {
            continue;
        }
        // the entry itself: a symbolic link is never followed
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if remove_if_dead(&entry.path()) {
            tried += 1;
        }
    }
    tried
}

/// `candor-<pid>-<random>`, as [`create_process_dir`] names them.
fn is_process_dir_name(name: &str) -> bool {
    let Some((pid, random)) = name
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.split_once('-'))
    else {
        return false;
    };
    !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && !random.is_empty()
        && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes `dir` if its lock is free; returns whether it tried.
fn remove_if_dead(dir: &Path) -> bool {
    if !is_own_directory(dir) {
        return false;
    }
    let lock_path = dir.join(LOCK);
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    match options.open(&lock_path) {
        Ok(lock) => {
            if !lock.metadata().is_ok_and(|m| m.is_file()) || lock.try_lock().is_err() {
                return false;
            }
            // everything but the lock, then the lock, then the directory, so
            // that a sweep interrupted half-way still finds it unlocked
            if let Ok(listing) = fs::read_dir(dir) {
                for entry in listing.flatten() {
                    if entry.file_name() != LOCK {
                        remove_any(&entry.path());
                    }
                }
            }
            let _ = fs::remove_file(&lock_path);
            let _ = fs::remove_dir(dir);
            true
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let old = fs::symlink_metadata(dir)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > LOCKLESS_GRACE);
            if old {
                let _ = fs::remove_dir_all(dir);
            }
            old
        }
        Err(_) => false,
    }
}

/// Whether `dir` is a directory (not a link to one) of this process's user.
/// In a shared, sticky `$TMPDIR` no other user can then rename or replace it,
/// so the paths below it stay this user's while the sweep works on them.
#[cfg(unix)]
fn is_own_directory(dir: &Path) -> bool {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let opened = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_DIRECTORY)
        .open(dir);
    // SAFETY: geteuid has no preconditions and cannot fail.
    let user = unsafe { libc::geteuid() };
    opened
        .and_then(|d| d.metadata())
        .is_ok_and(|m| m.is_dir() && m.uid() == user)
}

#[cfg(not(unix))]
fn is_own_directory(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
}

fn remove_any(path: &Path) {
    let is_dir = fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    let _ = if is_dir {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_process_dirs() {
        assert!(is_process_dir_name("candor-123-AbC9x1"));
        for other in [
            "candor-scratch-AbC9x1",
            "candor-program-x",
            "candor-123-",
            "candor--abc",
            "candor-12a-abc",
            "candor-123-a.b",
            "other-123-abc",
        ] {
            assert!(!is_process_dir_name(other), "{other}");
        }
    }

    #[test]
    fn a_sweep_removes_unlocked_process_dirs_only() {
        let tmp = tempfile::tempdir().unwrap();
        let make = |name: &str| {
            let dir = tmp.path().join(name);
            fs::create_dir_all(dir.join("candor-scratch-x/deep")).unwrap();
            fs::write(dir.join("candor-scratch-x/deep/file"), "data").unwrap();
            let lock = File::create(dir.join(LOCK)).unwrap();
            (dir, lock)
        };
        let (dead, _) = make("candor-1-dead");
        let (live, held) = make("candor-2-live");
        held.lock().unwrap();
        // a fresh directory without its lock yet (a process creating it)
        let starting = tmp.path().join("candor-3-starting");
        fs::create_dir(&starting).unwrap();
        let unrelated = tmp.path().join("candor-scratch-old");
        fs::create_dir(&unrelated).unwrap();
        assert_eq!(sweep(tmp.path()), 1);
        assert!(!dead.exists());
        assert!(live.join("candor-scratch-x/deep/file").exists());
        assert!(starting.exists() && unrelated.exists());
    }
}
