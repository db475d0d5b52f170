//! The on-disk cache of compiled guest runtimes.
//!
//! Compiling the CPython component with Cranelift takes ~20 s; loading its
//! precompiled form takes a few milliseconds. Entries are keyed by the
//! component's SHA-256 and the engine's compatibility hash, so a different
//! wasmtime build or engine setting never loads a stale artifact. Concurrent
//! processes serialise on a lock file, so the first compiles and the rest reuse.

use crate::error::{Error, Result};
use std::fs::{self, File};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use wasmtime::Engine;
use wasmtime::component::Component;

/// Compiled code the cache can hold: a component or a core module.
pub(crate) trait Compiled: Sized {
    /// Compiles `wasm` into this engine's precompiled form.
    fn precompile(engine: &Engine, wasm: &[u8]) -> wasmtime::Result<Vec<u8>>;
    /// Loads a precompiled file.
    ///
    /// # Safety
    /// The file must hold the output of [`Compiled::precompile`] (wasmtime checks
    /// its header for version and settings, not its code).
    unsafe fn load_file(engine: &Engine, path: &Path) -> wasmtime::Result<Self>;
    /// Loads precompiled bytes; same contract as [`Compiled::load_file`].
    unsafe fn load_bytes(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self>;
}

impl Compiled for Component {
    fn precompile(engine: &Engine, wasm: &[u8]) -> wasmtime::Result<Vec<u8>> {
        engine.precompile_component(wasm)
    }
    unsafe fn load_file(engine: &Engine, path: &Path) -> wasmtime::Result<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { Component::deserialize_file(engine, path) }
    }
    unsafe fn load_bytes(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { Component::deserialize(engine, bytes) }
    }
}

impl Compiled for wasmtime::Module {
    fn precompile(engine: &Engine, wasm: &[u8]) -> wasmtime::Result<Vec<u8>> {
        engine.precompile_module(wasm)
    }
    unsafe fn load_file(engine: &Engine, path: &Path) -> wasmtime::Result<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { wasmtime::Module::deserialize_file(engine, path) }
    }
    unsafe fn load_bytes(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { wasmtime::Module::deserialize(engine, bytes) }
    }
}

/// Environment variable that overrides where compiled runtimes are cached.
pub const CACHE_DIR_ENV: &str = "CANDOR_CACHE_DIR";

/// The directory compiled runtimes are cached in: `$CANDOR_CACHE_DIR`, else the
/// platform cache directory (`$XDG_CACHE_HOME/candor` on Linux).
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "candor").map(|p| p.cache_dir().to_path_buf())
}

/// Where one runtime's compiled form lives.
pub(crate) struct CacheEntry {
    path: PathBuf,
    lock: PathBuf,
    /// File-name prefix shared by every entry of this runtime (`python-`).
    runtime_prefix: String,
}

impl CacheEntry {
    pub(crate) fn new(dir: &Path, runtime: &str, sha256: &str, engine: &Engine) -> Self {
        let mut hasher = DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut hasher);
        let engine_key = hasher.finish();
        let stem = format!("{runtime}-{}-{engine_key:016x}", &sha256[..16]);
        CacheEntry {
            path: dir.join(format!("{stem}.cwasm")),
            lock: dir.join(format!("{stem}.lock")),
            runtime_prefix: format!("{runtime}-"),
        }
    }

    /// Loads the compiled code, compiling and storing it first when absent or
    /// unusable. `notice` is called once, before a compile starts.
    pub(crate) fn load_or_compile<C: Compiled>(
        &self,
        engine: &Engine,
        wasm: &[u8],
        notice: &dyn Fn(&Path),
    ) -> Result<C> {
        if let Some(component) = self.try_load(engine) {
            return Ok(component);
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)
            .map_err(|e| self.error(dir, format!("creating the directory: {e}")))?;
        let lock = File::create(&self.lock).map_err(|e| self.error(&self.lock, e.to_string()))?;
        lock.lock()
            .map_err(|e| self.error(&self.lock, format!("locking: {e}")))?;
        // another process may have compiled it while this one waited for the lock
        if let Some(component) = self.try_load(engine) {
            return Ok(component);
        }
        notice(&self.path);
        let compiled = C::precompile(engine, wasm)
            .map_err(|e| Error::engine("compiling the guest runtime", e))?;
        let mut temp =
            tempfile::NamedTempFile::new_in(dir).map_err(|e| self.error(dir, e.to_string()))?;
        std::io::Write::write_all(&mut temp, &compiled)
            .map_err(|e| self.error(temp.path(), e.to_string()))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| self.error(temp.path(), e.to_string()))?;
        let written = temp
            .persist(&self.path)
            .map_err(|e| self.error(&self.path, e.error.to_string()))?;
        forget_written_pages(&written);
        drop(written);
        drop(lock);
        self.remove_stale(dir);
        // mapped from the file like any later load, rather than kept in memory
        if let Some(component) = self.try_load(engine) {
            return Ok(component);
        }
        // SAFETY: the bytes were produced by `precompile` of this engine just now.
        unsafe { C::load_bytes(engine, &compiled) }
            .map_err(|e| Error::engine("loading the freshly compiled runtime", e))
    }

    /// Removes this runtime's entries for other builds (each is tens of MB).
    /// Best effort: an entry another process still maps stays readable until it exits.
    fn remove_stale(&self, dir: &Path) {
        let Ok(listing) = fs::read_dir(dir) else {
            return;
        };
        for entry in listing.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&self.runtime_prefix)
                && (name.ends_with(".cwasm") || name.ends_with(".lock"))
                && path != self.path
                && path != self.lock
            {
                let _ = fs::remove_file(&path);
            }
        }
    }

    fn try_load<C: Compiled>(&self, engine: &Engine) -> Option<C> {
        if !self.path.is_file() {
            return None;
        }
        // SAFETY: the file is only ever written by `load_or_compile` (atomically, via
        // rename) with this engine's precompile output; wasmtime checks the header and
        // refuses artifacts from another version or configuration, in which case the
        // entry is recompiled.
        unsafe { C::load_file(engine, &self.path) }.ok()
    }

    fn error(&self, path: &Path, message: String) -> Error {
        Error::Cache {
            path: path.to_path_buf(),
            message,
        }
    }
}

/// Drops a freshly written (and synced) runtime from the page cache. Pages
/// left there by the write (large folios, on Linux 6.x) end up mapped more
/// widely than pages read back from disk: a hello-world run right after a
/// compile peaked at ~37 MiB RSS against ~34.5 MiB once the file was read back
/// (with a 79 MB runtime, built with wasm inlining: ~65 against ~41 MiB).
#[cfg(target_os = "linux")]
fn forget_written_pages(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: a page-cache hint on a file descriptor this function borrows; a
    // failure only loses the hint.
    unsafe {
        libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
    }
}

#[cfg(not(target_os = "linux"))]
fn forget_written_pages(_file: &File) {}
