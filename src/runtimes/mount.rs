//! Host directories a snippet may read (`--mount HOST_DIR[:GUEST_DIR]`).

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Where a mount appears in the guest when no guest path is given.
pub const DEFAULT_MOUNT_POINT: &str = "/data";

/// Guest paths candor's runtimes use themselves, which a mount may not cover.
const RESERVED: &[&str] = &["/.candor"];

/// A host directory the guest may read, and the absolute path it sees it at.
///
/// The directory is read-only to the guest: nothing in it can be created,
/// written, renamed or removed. Paths are resolved inside it: a symbolic link
/// that points outside it is not followed (opening through one fails), and
/// the guest cannot reach its parent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mount {
    host: PathBuf,
    guest: String,
}

impl Mount {
    /// Mounts the host directory `host` at the guest's absolute path `guest`.
    ///
    /// Errors when `host` is not an existing directory, or `guest` is not an
    /// absolute path of plain names (no `.`, `..` or NUL), is `/` (the run's
    /// scratch directory), or covers a path candor uses itself.
    pub fn new(host: impl Into<PathBuf>, guest: impl Into<String>) -> Result<Mount> {
        let host = host.into();
        let guest = normal_guest_path(&guest.into())?;
        let shown = host.display().to_string();
        let resolved = std::fs::canonicalize(&host)
            .map_err(|e| Error::BadInput(format!("mount {shown}: {}", super::io_reason(&e))))?;
        if !resolved.is_dir() {
            return Err(Error::BadInput(format!("mount {shown}: not a directory")));
        }
        Ok(Mount {
            host: resolved,
            guest,
        })
    }

    /// Reads `HOST_DIR[:GUEST_DIR]`, as `--mount` takes it: the part after
    /// the last `:` is the guest path when it starts with `/`; otherwise the
    /// whole text is the host directory, mounted at [`DEFAULT_MOUNT_POINT`].
    pub fn parse(spec: &str) -> Result<Mount> {
        match spec.rsplit_once(':') {
            Some((host, guest)) if guest.starts_with('/') && !host.is_empty() => {
                Mount::new(host, guest)
            }
            _ => Mount::new(spec, DEFAULT_MOUNT_POINT),
        }
    }

    /// The host directory (resolved: absolute, without symbolic links).
    pub fn host(&self) -> &Path {
        &self.host
    }

    /// Where the guest sees it.
    pub fn guest(&self) -> &str {
        &self.guest
    }
}

/// `guest` without trailing slashes, or why it cannot be a mount point.
fn normal_guest_path(guest: &str) -> Result<String> {
    let bad = |why: &str| Error::BadInput(format!("mount point {guest:?}: {why}"));
    if guest.contains('\0') {
        return Err(bad("contains a NUL byte"));
    }
    if !guest.starts_with('/') {
        return Err(bad("not an absolute path"));
    }
    let trimmed = guest.trim_end_matches('/');
    if trimmed.is_empty() {
        return Err(bad("`/` is the run's scratch directory"));
    }
    // split by hand: `Path::components` drops a `.` in the middle silently
    if trimmed
        .split('/')
        .skip(1)
        .any(|name| matches!(name, "" | "." | ".."))
    {
        return Err(bad("use a path of plain names, without `.`, `..` or `//`"));
    }
    for reserved in RESERVED {
        if trimmed == *reserved || trimmed.starts_with(&format!("{reserved}/")) {
            return Err(bad("candor uses this path itself"));
        }
    }
    Ok(trimmed.to_string())
}

/// Checks that no two of `mounts` share a guest path.
pub(crate) fn check_distinct(mounts: &[Mount]) -> Result<()> {
    for (i, mount) in mounts.iter().enumerate() {
        if mounts[..i].iter().any(|m| m.guest == mount.guest) {
            return Err(Error::BadInput(format!(
                "two mounts at {}: give each its own guest path",
                mount.guest
            )));
        }
    }
    Ok(())
}

/// The (host, guest) pairs a guest's WASI context preopens read-only.
pub(crate) fn preopens(mounts: &[Mount]) -> Vec<(PathBuf, String)> {
    mounts
        .iter()
        .map(|m| (m.host.clone(), m.guest.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guest_paths_must_be_plain_absolute_names() {
        for bad in [
            "data",
            "/",
            "//",
            "/a/../b",
            "/a/./b",
            "/a//b",
            "/.candor",
            "/.candor/x",
            "/a\0",
        ] {
            assert!(normal_guest_path(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(normal_guest_path("/data/").unwrap(), "/data");
        assert_eq!(normal_guest_path("/a/b").unwrap(), "/a/b");
        assert_eq!(normal_guest_path("/.candorx").unwrap(), "/.candorx");
    }

    #[test]
    fn parse_takes_the_guest_path_after_the_last_colon() {
        let dir = tempfile::tempdir().unwrap();
        let host = dir.path().display().to_string();
        let m = Mount::parse(&host).unwrap();
        assert_eq!(m.guest(), DEFAULT_MOUNT_POINT);
        let m = Mount::parse(&format!("{host}:/in")).unwrap();
        assert_eq!(m.guest(), "/in");
        assert_eq!(m.host(), std::fs::canonicalize(dir.path()).unwrap());
        // a colon not followed by an absolute path belongs to the host path
        let odd = dir.path().join("a:b");
        std::fs::create_dir(&odd).unwrap();
        let m = Mount::parse(&odd.display().to_string()).unwrap();
        assert_eq!(m.guest(), DEFAULT_MOUNT_POINT);
    }

    #[test]
    fn the_host_side_must_be_an_existing_directory() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        let e = Mount::new(&file, "/data").unwrap_err().to_string();
        assert!(e.contains("not a directory"), "{e}");
        let e = Mount::new(dir.path().join("missing"), "/data")
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing"), "{e}");
    }

    #[test]
    fn two_mounts_may_not_share_a_guest_path() {
        let dir = tempfile::tempdir().unwrap();
        let a = Mount::new(dir.path(), "/d").unwrap();
        let b = Mount::new(dir.path(), "/d/").unwrap();
        assert!(check_distinct(&[a.clone(), b]).is_err());
        let c = Mount::new(dir.path(), "/e").unwrap();
        assert!(check_distinct(&[a, c]).is_ok());
    }
}
