//! Keeps the cache bounded: a few entries per runtime, the least recently used
//! removed first, and never one that a process has loaded or is compiling.
//!
//! Builds of different versions sharing one cache directory (two checkouts,
//! a release and a development build) each keep their entry, as long as no
//! more than [`KEEP_PER_RUNTIME`] are in use.

use super::files::open_regular;
use std::collections::HashMap;
use std::fs::{self, File, TryLockError};
use std::path::Path;
use std::time::SystemTime;

/// Entries kept per runtime (each is tens of MB).
pub(super) const KEEP_PER_RUNTIME: usize = 4;

/// One entry's files, by stem (`python-<code hash>-<engine hash>`).
#[derive(Default)]
struct Stem {
    /// When the entry was last used (its checksum file's modification time,
    /// which each load refreshes), else written.
    used: Option<SystemTime>,
    /// File names in the directory that belong to the entry.
    files: Vec<String>,
}

/// Removes the entries of the runtime whose file names start with `prefix`
/// beyond the [`KEEP_PER_RUNTIME`] most recently used, never `current`, an
/// entry a process holds (loaded), or one being compiled. Best effort.
pub(super) fn evict(dir: &Path, prefix: &str, current: &str) {
    let Ok(listing) = fs::read_dir(dir) else {
        return;
    };
    let mut stems: HashMap<String, Stem> = HashMap::new();
    for entry in listing.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Some((stem, extension)) = name.split_once('.') else {
            continue;
        };
        if !stem.starts_with(prefix) || stem == current || !is_entry_file(extension) {
            continue;
        }
        let slot = stems.entry(stem.to_string()).or_default();
        if extension == "sum" || (extension == "cwasm" && slot.used.is_none()) {
            slot.used = entry.metadata().and_then(|m| m.modified()).ok();
        }
        slot.files.push(name);
    }
    let mut stems: Vec<(String, Stem)> = stems.into_iter().collect();
    // newest first; entries without a time sort last
    stems.sort_by(|a, b| b.1.used.cmp(&a.1.used));
    for (stem, files) in stems.into_iter().skip(KEEP_PER_RUNTIME - 1) {
        remove_unless_used(dir, &stem, &files.files);
    }
}

/// The cache's own files: the code, its checksum, its lock, and files being
/// written (`<stem>.<random>.tmp`).
fn is_entry_file(extension: &str) -> bool {
    matches!(extension, "cwasm" | "sum" | "lock") || extension.ends_with(".tmp")
}

/// Removes one entry's files, unless a process holds its code (it loaded it)
/// or its lock (it is compiling it).
fn remove_unless_used(dir: &Path, stem: &str, files: &[String]) {
    let mut held = Vec::new();
    for extension in ["lock", "cwasm"] {
        let path = dir.join(format!("{stem}.{extension}"));
        match open_regular(&path) {
            Ok(file) => match file.try_lock() {
                Ok(()) => held.push(file),
                Err(TryLockError::WouldBlock) => return,
                Err(TryLockError::Error(_)) => return,
            },
            // absent, or a link or other non-file under the name: removed below
            Err(_) => {}
        }
    }
    // the code first: an entry without it is no longer loaded by anyone
    let mut ordered: Vec<&String> = files.iter().collect();
    ordered.sort_by_key(|name| !name.ends_with(".cwasm"));
    for name in ordered {
        let _ = fs::remove_file(dir.join(name));
    }
    drop::<Vec<File>>(held);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn entry(dir: &Path, stem: &str, age_seconds: u64) {
        for extension in ["cwasm", "sum", "lock"] {
            let path = dir.join(format!("{stem}.{extension}"));
            fs::write(&path, stem).unwrap();
            let when = SystemTime::now() - Duration::from_secs(age_seconds);
            File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(when)
                .unwrap();
        }
    }

    fn stems(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".cwasm"))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn keeps_the_most_recently_used_and_the_held_entries() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        for (stem, age) in [("py-a", 60), ("py-b", 50), ("py-c", 40), ("py-d", 30)] {
            entry(dir, stem, age);
        }
        entry(dir, "py-e", 20);
        entry(dir, "py-f", 10);
        entry(dir, "js-a", 100);
        fs::write(dir.join("py-a.x1y2.tmp"), "").unwrap();
        // another process has loaded an entry that is due out
        let held = File::open(dir.join("py-b.cwasm")).unwrap();
        held.lock_shared().unwrap();
        evict(dir, "py-", "py-f");
        let kept = ["js-a", "py-b", "py-c", "py-d", "py-e", "py-f"];
        assert_eq!(stems(dir), kept.map(|s| format!("{s}.cwasm")));
        assert!(!dir.join("py-a.sum").exists() && !dir.join("py-a.lock").exists());
        assert!(!dir.join("py-a.x1y2.tmp").exists());
        // and one that another process is compiling
        let compiling = File::options()
            .write(true)
            .open(dir.join("py-c.lock"))
            .unwrap();
        compiling.lock().unwrap();
        drop(held);
        entry(dir, "py-g", 5);
        evict(dir, "py-", "py-g");
        let kept = ["js-a", "py-c", "py-d", "py-e", "py-f", "py-g"];
        assert_eq!(stems(dir), kept.map(|s| format!("{s}.cwasm")));
    }
}
