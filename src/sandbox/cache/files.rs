//! Opening cache files without following symbolic links, and telling whether
//! a file is still the one that was checked.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// Opens `path` for reading. A symbolic link, a FIFO or anything else that is
/// not a regular file is refused (without blocking on it).
pub(super) fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    no_follow(&mut options);
    let file = options.open(path)?;
    ensure_regular(&file)?;
    Ok(file)
}

/// Opens the lock file at `path`, creating it if absent and never truncating
/// it. Something else under its name (a symbolic link, a FIFO) is removed
/// first: a link is never followed, so its target is never touched.
pub(super) fn open_lock(path: &Path) -> io::Result<File> {
    match create_lock(path) {
        Ok(file) => Ok(file),
        Err(first) => {
            let replaceable = std::fs::symlink_metadata(path)
                .is_ok_and(|m| !m.file_type().is_file() && !m.file_type().is_dir());
            if !replaceable {
                return Err(first);
            }
            std::fs::remove_file(path)?;
            create_lock(path)
        }
    }
}

fn create_lock(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true);
    no_follow(&mut options);
    let file = options.open(path)?;
    ensure_regular(&file)?;
    Ok(file)
}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: a FIFO under a cache file's name must not block the open
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
}

#[cfg(not(unix))]
fn no_follow(_options: &mut OpenOptions) {}

fn ensure_regular(file: &File) -> io::Result<()> {
    if file.metadata()?.file_type().is_file() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ))
    }
}

/// What identifies one version of a file: any write to it, a truncation, a
/// copy or a rename over it changes one of these (the change time cannot be
/// set back by an unprivileged user).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Identity {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Identity {
    /// The identity of the file `metadata` describes; `None` where the
    /// platform has no inode numbers and change times (every load then checks
    /// the whole file).
    #[cfg(unix)]
    pub(super) fn of(metadata: &Metadata) -> Option<Identity> {
        use std::os::unix::fs::MetadataExt;
        Some(Identity {
            dev: metadata.dev(),
            ino: metadata.ino(),
            len: metadata.len(),
            mtime: (metadata.mtime(), metadata.mtime_nsec()),
            ctime: (metadata.ctime(), metadata.ctime_nsec()),
        })
    }

    #[cfg(not(unix))]
    pub(super) fn of(_metadata: &Metadata) -> Option<Identity> {
        None
    }

    /// The identity as one word for the checksum file.
    pub(super) fn encode(&self) -> String {
        format!(
            "{}:{}:{}:{}.{}:{}.{}",
            self.dev, self.ino, self.len, self.mtime.0, self.mtime.1, self.ctime.0, self.ctime.1
        )
    }

    /// Parses [`Identity::encode`]'s output.
    pub(super) fn decode(word: &str) -> Option<Identity> {
        let mut parts = word.split(':');
        let dev = parts.next()?.parse().ok()?;
        let ino = parts.next()?.parse().ok()?;
        let len = parts.next()?.parse().ok()?;
        let mtime = time(parts.next()?)?;
        let ctime = time(parts.next()?)?;
        if parts.next().is_some() {
            return None;
        }
        Some(Identity {
            dev,
            ino,
            len,
            mtime,
            ctime,
        })
    }
}

fn time(word: &str) -> Option<(i64, i64)> {
    let (seconds, nanos) = word.split_once('.')?;
    Some((seconds.parse().ok()?, nanos.parse().ok()?))
}
