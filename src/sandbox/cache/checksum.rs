//! The checksum file written beside each compiled runtime: its length, its
//! xxh3-128 hash, and which version of the file that hash was last checked
//! against, so that an unchanged file is not read whole on every load.

use super::files::{Identity, open_regular};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// First word of a checksum file (its format and version).
const MAGIC: &str = "candor-cwasm-sum/1";
/// A checksum file is one short line; anything longer is not one.
const MAX_SUM_FILE: u64 = 1024;
/// Bytes read at a time while hashing a compiled file.
const CHUNK: usize = 1 << 20;

/// What a checksum file records about a compiled runtime.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Sum {
    /// The compiled file's length.
    len: u64,
    /// Its xxh3-128 hash.
    hash: u128,
    /// The version of the file the hash was last found to match (when it was
    /// written, or checked whole since).
    checked: Option<Identity>,
}

impl Sum {
    /// The checksum of `bytes`, about to be written as a file.
    pub(super) fn of_bytes(bytes: &[u8]) -> Sum {
        Sum {
            len: bytes.len() as u64,
            hash: xxh3_128(bytes),
            checked: None,
        }
    }

    /// This checksum, vouching for the file version `identity`.
    pub(super) fn checked_against(&self, identity: Option<Identity>) -> Sum {
        Sum {
            checked: identity,
            ..self.clone()
        }
    }

    /// Whether `identity` is the version this checksum was last found to
    /// match, so that the file need not be read again.
    pub(super) fn vouches_for(&self, identity: Option<Identity>) -> bool {
        identity.is_some() && self.checked == identity
    }

    /// Whether `file` (of `len` bytes) has this length and hash; reads it whole.
    pub(super) fn matches(&self, file: &File, len: u64) -> io::Result<bool> {
        if len != self.len {
            return Ok(false);
        }
        let mut hasher = Xxh3::new();
        let mut buffer = vec![0; CHUNK];
        let mut reader = file;
        let mut read = 0u64;
        loop {
            let n = reader.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            read += n as u64;
        }
        Ok(read == self.len && hasher.digest128() == self.hash)
    }

    /// Reads the checksum file at `path`; `None` when it is absent, not a
    /// regular file, or malformed.
    pub(super) fn read(path: &Path) -> Option<Sum> {
        let file = open_regular(path).ok()?;
        let mut text = String::new();
        file.take(MAX_SUM_FILE).read_to_string(&mut text).ok()?;
        Sum::parse(&text)
    }

    /// Writes this checksum to `path`, atomically (a reader sees the old file
    /// or the new one, never part of it).
    pub(super) fn write(&self, path: &Path) -> io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("sum");
        let mut temp = tempfile::Builder::new()
            .prefix(&format!("{stem}."))
            .suffix(".tmp")
            .tempfile_in(dir)?;
        io::Write::write_all(&mut temp, self.encode().as_bytes())?;
        temp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    fn encode(&self) -> String {
        let checked = self.checked.map_or("-".to_string(), |i| i.encode());
        format!(
            "{MAGIC} len={} xxh3-128={:032x} checked={checked}\n",
            self.len, self.hash
        )
    }

    fn parse(text: &str) -> Option<Sum> {
        let mut words = text.strip_suffix('\n')?.split(' ');
        if words.next()? != MAGIC {
            return None;
        }
        let len = words.next()?.strip_prefix("len=")?.parse().ok()?;
        let hash = words.next()?.strip_prefix("xxh3-128=")?;
        let hash = (hash.len() == 32)
            .then(|| u128::from_str_radix(hash, 16).ok())
            .flatten()?;
        let checked = match words.next()?.strip_prefix("checked=")? {
            "-" => None,
            word => Some(Identity::decode(word)?),
        };
        if words.next().is_some() {
            return None;
        }
        Some(Sum { len, hash, checked })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_checksum_reads_back_and_vouches_only_for_its_version() {
        let dir = tempfile::tempdir().unwrap();
        let code = dir.path().join("x.cwasm");
        std::fs::write(&code, b"compiled code").unwrap();
        let identity = Identity::of(&std::fs::metadata(&code).unwrap());
        let sum = Sum::of_bytes(b"compiled code").checked_against(identity);
        let path = dir.path().join("x.sum");
        sum.write(&path).unwrap();
        let read = Sum::read(&path).unwrap();
        assert_eq!(read, sum);
        assert!(read.vouches_for(identity));
        assert!(!read.vouches_for(None));
        let file = File::open(&code).unwrap();
        assert!(read.matches(&file, 13).unwrap());
        std::fs::write(&code, b"compiled cod3").unwrap();
        let file = File::open(&code).unwrap();
        assert!(!read.matches(&file, 13).unwrap());
        assert!(!read.vouches_for(Identity::of(&file.metadata().unwrap())));
    }

    #[test]
    fn malformed_checksum_files_are_refused() {
        let good = Sum::of_bytes(b"abc").encode();
        assert!(Sum::parse(&good).is_some());
        for bad in [
            "",
            "candor-cwasm-sum/1 len=3\n",
            &good.replace("len=3", "len=-3"),
            &good.replace("xxh3-128=", "xxh3-128=0"),
            &good.replace("/1", "/2"),
            &good.replace('\n', " extra\n"),
            good.trim_end(),
        ] {
            assert_eq!(Sum::parse(bad), None, "{bad:?}");
        }
    }
}
