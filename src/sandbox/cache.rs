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
        }
    }

    /// Loads the compiled component, compiling and storing it first when absent
    /// or unusable. `notice` is called once, before a compile starts.
    pub(crate) fn load_or_compile(
        &self,
        engine: &Engine,
        wasm: &[u8],
        notice: &dyn Fn(&Path),
    ) -> Result<Component> {
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
        let compiled = engine
            .precompile_component(wasm)
            .map_err(|e| Error::engine("compiling the guest runtime", e))?;
        let mut temp =
            tempfile::NamedTempFile::new_in(dir).map_err(|e| self.error(dir, e.to_string()))?;
        std::io::Write::write_all(&mut temp, &compiled)
            .map_err(|e| self.error(temp.path(), e.to_string()))?;
        temp.persist(&self.path)
            .map_err(|e| self.error(&self.path, e.error.to_string()))?;
        drop(lock);
        // SAFETY: the bytes were produced by `precompile_component` of this engine just now.
        unsafe { Component::deserialize(engine, &compiled) }
            .map_err(|e| Error::engine("loading the freshly compiled runtime", e))
    }

    fn try_load(&self, engine: &Engine) -> Option<Component> {
        if !self.path.is_file() {
            return None;
        }
        // SAFETY: the file is only ever written by `load_or_compile` (atomically, via
        // rename) with this engine's precompile output; wasmtime checks the header and
        // refuses artifacts from another version or configuration, in which case the
        // entry is recompiled.
        unsafe { Component::deserialize_file(engine, &self.path) }.ok()
    }

    fn error(&self, path: &Path, message: String) -> Error {
        Error::Cache {
            path: path.to_path_buf(),
            message,
        }
    }
}
