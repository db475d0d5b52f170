//! The scratch directory's quota: bytes written, entries created and
//! descriptors held open by one run, counted where the guest's file-system
//! calls happen (see [`super::wasi_fs`]), so that nothing a snippet does to
//! its files, such as writing through a file it already unlinked or nesting
//! directories deeper than a host path can name, escapes the count.
//!
//! Bytes are counted as written, never given back: a file that is deleted or
//! overwritten still counts what was written to it. That is the only count a
//! snippet cannot shrink while it still holds the space (an unlinked file that
//! is still open keeps its blocks), and it stays far below the limit for the
//! temporary files a program normally writes.

use super::limits::human_size;
use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Most entries (files, directories, links) one run may create.
pub(crate) const MAX_ENTRIES: u64 = 100_000;
/// Most file-system descriptors one run may hold open at once, however high
/// the process's limit is (see [`descriptor_cap`] for the usual cap).
pub(crate) const MAX_OPEN_DESCRIPTORS: u64 = 1024;
/// Fewest descriptors a run may hold open, however low the process's limit is.
const MIN_OPEN_DESCRIPTORS: u64 = 16;
/// Descriptors of the process left to the host itself (its runtimes, cache
/// files, standard streams, sockets of an embedding program).
const HOST_DESCRIPTORS: u64 = 256;

/// Runs that may hold instances at once, summed over every sandbox of this
/// process that is still alive.
static RUNS: AtomicU64 = AtomicU64::new(0);

/// A sandbox's share of the process's runs, counted while it lives.
#[derive(Debug)]
pub(crate) struct RunsShare(u64);

impl Drop for RunsShare {
    fn drop(&mut self) {
        RUNS.fetch_sub(self.0, Ordering::Relaxed);
    }
}

/// Records that a sandbox may hold `runs` instances at once, until the
/// returned share is dropped.
pub(crate) fn register_runs(runs: u32) -> RunsShare {
    RUNS.fetch_add(u64::from(runs), Ordering::Relaxed);
    RunsShare(u64::from(runs))
}

/// Descriptors one run may hold open: the process's open-file limit, less what
/// the host keeps for itself, shared by every run that may be in progress at
/// once, so that one run holding its share never starves another
/// (16 to [`MAX_OPEN_DESCRIPTORS`]).
pub(crate) fn descriptor_cap() -> u64 {
    let runs = RUNS.load(Ordering::Relaxed).max(1);
    (open_file_limit().saturating_sub(HOST_DESCRIPTORS) / runs)
        .clamp(MIN_OPEN_DESCRIPTORS, MAX_OPEN_DESCRIPTORS)
}

/// The process's soft limit on open files.
#[cfg(target_os = "linux")]
fn open_file_limit() -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct passed.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 {
        limit.rlim_cur
    } else {
        1024
    }
}

#[cfg(not(target_os = "linux"))]
fn open_file_limit() -> u64 {
    8192
}

/// Which part of the quota a run went past.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum QuotaExceeded {
    /// More bytes written than the limit.
    #[error("the scratch directory's quota of {} was used up (the guest wrote {} in all)", human_size(*limit), human_size(*wanted))]
    Bytes { limit: u64, wanted: u64 },
    /// More entries created than [`MAX_ENTRIES`].
    #[error("the guest created more than {limit} files and directories in its scratch directory")]
    Entries { limit: u64 },
    /// More descriptors open at once than [`descriptor_cap`] allows.
    #[error("the guest held more than {limit} files open at once")]
    Descriptors { limit: u64 },
}

/// One run's use of its scratch directory. Shared between the store and the
/// file streams it hands out.
#[derive(Debug)]
pub(crate) struct DiskQuota {
    max_bytes: AtomicU64,
    bytes: AtomicU64,
    entries: AtomicU64,
    /// The descriptors the guest opened and has not closed (their table indices).
    open: Mutex<HashSet<u32>>,
    max_open: u64,
    exceeded: Mutex<Option<QuotaExceeded>>,
}

impl DiskQuota {
    /// A quota of `max_bytes` bytes, [`MAX_ENTRIES`] entries and
    /// [`descriptor_cap`] open descriptors.
    pub(crate) fn new(max_bytes: u64) -> Self {
        Self::with_descriptors(max_bytes, descriptor_cap())
    }

    fn with_descriptors(max_bytes: u64, max_open: u64) -> Self {
        DiskQuota {
            max_bytes: AtomicU64::new(max_bytes),
            bytes: AtomicU64::new(0),
            entries: AtomicU64::new(0),
            open: Mutex::new(HashSet::new()),
            max_open,
            exceeded: Mutex::new(None),
        }
    }

    /// Changes the byte limit (an instance made ready before its run's limits were known).
    pub(crate) fn set_max_bytes(&self, max_bytes: u64) {
        self.max_bytes.store(max_bytes, Ordering::Relaxed);
    }

    /// Counts `n` bytes about to be written; refuses them past the limit.
    pub(crate) fn write(&self, n: u64) -> Result<(), QuotaExceeded> {
        let limit = self.max_bytes.load(Ordering::Relaxed);
        let before = self.bytes.fetch_add(n, Ordering::Relaxed);
        let wanted = before.saturating_add(n);
        if wanted > limit {
            return Err(self.exceed(QuotaExceeded::Bytes { limit, wanted }));
        }
        Ok(())
    }

    /// Counts one entry about to be created; refuses it past [`MAX_ENTRIES`].
    pub(crate) fn create(&self) -> Result<(), QuotaExceeded> {
        if self.entries.fetch_add(1, Ordering::Relaxed) >= MAX_ENTRIES {
            return Err(self.exceed(QuotaExceeded::Entries { limit: MAX_ENTRIES }));
        }
        Ok(())
    }

    /// Whether one more descriptor may be opened.
    pub(crate) fn may_open(&self) -> Result<(), QuotaExceeded> {
        if self.open_descriptors() >= self.max_open {
            return Err(self.exceed(QuotaExceeded::Descriptors {
                limit: self.max_open,
            }));
        }
        Ok(())
    }

    /// Records a descriptor the guest opened.
    pub(crate) fn opened(&self, rep: u32) {
        self.lock_open().insert(rep);
    }

    /// Records a descriptor the guest closed (one it did not open, such as a
    /// preopened directory, is ignored).
    pub(crate) fn closed(&self, rep: u32) {
        self.lock_open().remove(&rep);
    }

    /// Whether `rep` is a descriptor the guest opened and has not closed.
    pub(crate) fn is_open(&self, rep: u32) -> bool {
        self.lock_open().contains(&rep)
    }

    fn open_descriptors(&self) -> u64 {
        self.lock_open().len() as u64
    }

    fn lock_open(&self) -> std::sync::MutexGuard<'_, HashSet<u32>> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn exceed(&self, why: QuotaExceeded) -> QuotaExceeded {
        let mut first = self.exceeded.lock().unwrap_or_else(|p| p.into_inner());
        first.get_or_insert_with(|| why.clone());
        why
    }

    /// The first part of the quota the run went past, if any.
    pub(crate) fn exceeded(&self) -> Option<QuotaExceeded> {
        self.exceeded
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_counted_as_written_and_refused_past_the_limit() {
        let quota = DiskQuota::new(10);
        assert!(quota.write(6).is_ok());
        assert!(quota.write(4).is_ok());
        assert_eq!(
            quota.write(1),
            Err(QuotaExceeded::Bytes {
                limit: 10,
                wanted: 11
            })
        );
        assert_eq!(
            quota.exceeded(),
            Some(QuotaExceeded::Bytes {
                limit: 10,
                wanted: 11
            })
        );
    }

    #[test]
    fn descriptors_are_counted_while_open() {
        let quota = DiskQuota::with_descriptors(10, 20);
        for rep in 0..20 {
            quota.may_open().unwrap();
            quota.opened(rep);
        }
        assert_eq!(
            quota.may_open(),
            Err(QuotaExceeded::Descriptors { limit: 20 })
        );
        quota.closed(3);
        assert!(quota.may_open().is_ok());
        quota.closed(9_999); // not one of ours
        assert_eq!(quota.open_descriptors(), 19);
    }

    #[test]
    fn the_descriptor_cap_stays_in_its_bounds() {
        let share = register_runs(4);
        let cap = descriptor_cap();
        drop(share);
        assert!(
            (MIN_OPEN_DESCRIPTORS..=MAX_OPEN_DESCRIPTORS).contains(&cap),
            "{cap}"
        );
    }
}
