//! Reading an input file (a snippet's source, a guest's stdin) without
//! blocking on a named pipe or a device and without reading past a cap.

use super::io_reason;
use crate::error::{Error, Result};
use crate::sandbox::Limits;
use std::io::Read;
use std::path::Path;

/// The largest source file candor reads: 16 MiB (a snippet file, `run -`, or
/// the `code` of a JSON line).
pub const MAX_SOURCE_BYTES: u64 = 16 << 20;

/// Reads the regular file at `path`, refusing directories, named pipes,
/// devices and sockets (reading them could block forever or never end) and
/// files longer than `max_bytes`. `what` names the cap in the error, as in
/// "reading x.py: larger than 16 MiB, the most candor reads for a source file".
pub fn read_input_file(path: &Path, max_bytes: u64, what: &str) -> Result<Vec<u8>> {
    let fail = |why: String| Error::BadInput(format!("reading {}: {why}", path.display()));
    let kind = std::fs::metadata(path)
        .map_err(|e| fail(io_reason(&e)))?
        .file_type();
    not_regular(kind).map_or(Ok(()), |why| Err(fail(why)))?;
    let file = open_nonblocking(path).map_err(|e| fail(io_reason(&e)))?;
    // the path may have been replaced between the two looks: check what was opened
    let meta = file.metadata().map_err(|e| fail(io_reason(&e)))?;
    not_regular(meta.file_type()).map_or(Ok(()), |why| Err(fail(why)))?;
    let too_large = || {
        fail(format!(
            "larger than {}, the most candor reads for {what}",
            Limits::format_size(max_bytes)
        ))
    };
    if meta.len() > max_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // a file that grows while it is read stops at the cap all the same
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(io_reason(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Why a file of type `kind` is not read, or None for a regular file.
pub(crate) fn not_regular(kind: std::fs::FileType) -> Option<String> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("is a directory, not a file".to_string());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let named = [
            (kind.is_fifo(), "a named pipe (FIFO)"),
            (kind.is_char_device(), "a character device"),
            (kind.is_block_device(), "a block device"),
            (kind.is_socket(), "a socket"),
        ];
        if let Some((_, what)) = named.into_iter().find(|(is, _)| *is) {
            return Some(format!("is {what}, not a regular file"));
        }
    }
    Some("is not a regular file".to_string())
}

/// Opens `path` for reading without waiting for a writer, should it have
/// become a named pipe since it was looked at.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_regular_file_and_what_is_over_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_input_file(dir.path(), 10, "a test").unwrap_err();
        assert!(
            err.to_string().ends_with(": is a directory, not a file"),
            "{err}"
        );
        let err = read_input_file(Path::new("/dev/zero"), 10, "a test").unwrap_err();
        assert!(
            err.to_string()
                .ends_with(": is a character device, not a regular file"),
            "{err}"
        );
        let file = dir.path().join("f");
        std::fs::write(&file, b"12345678901").unwrap();
        let err = read_input_file(&file, 10, "a test").unwrap_err();
        assert!(
            err.to_string()
                .ends_with(": larger than 10 bytes, the most candor reads for a test"),
            "{err}"
        );
        assert_eq!(
            read_input_file(&file, 11, "a test").unwrap(),
            b"12345678901"
        );
    }
}
