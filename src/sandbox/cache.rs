//! The on-disk cache of compiled guest runtimes.
//!
//! Compiling the CPython component with Cranelift takes ~20 s; loading its
//! precompiled form takes a few milliseconds. Entries are keyed by the
//! component's SHA-256 and the engine's compatibility hash, so a different
//! wasmtime build or engine setting never loads a stale artifact.
//!
//! An entry is `<stem>.cwasm`, the compiled code; `<stem>.sum`, its length and
//! xxh3-128 hash (see [`checksum`]), written after it; and `<stem>.lock`, which
//! serialises compiles, so that of concurrent processes the first compiles and
//! the rest reuse. Compiled code is trusted (wasmtime maps and runs it), so a
//! load opens it without following symbolic links, and checks it against its
//! checksum before wasmtime sees it, reading it whole unless it is provably the
//! version checked before (same inode, length, modification and change time);
//! any mismatch recompiles. A process holds a shared lock on the code it loaded
//! for as long as it lives, and eviction ([`evict`]) leaves such entries alone.
//! A cache directory that cannot be used costs a compile in memory on every
//! build, announced by a warning, not a failure.

mod checksum;
mod evict;
mod files;

use crate::error::{Error, Result};
use checksum::Sum;
use files::{Identity, open_lock, open_regular};
use std::cell::RefCell;
use std::fs::{self, File, TryLockError};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use wasmtime::Engine;
use wasmtime::component::Component;

/// Compiled code the cache can hold: a component or a core module.
pub(crate) trait Compiled: Sized {
    /// Compiles `wasm` into this engine's precompiled form.
    fn precompile(engine: &Engine, wasm: &[u8]) -> wasmtime::Result<Vec<u8>>;
    /// Maps a precompiled file, open at `file` (found at `path`).
    ///
    /// # Safety
    /// The file must hold the output of [`Compiled::precompile`] (wasmtime checks
    /// its header for version and settings, not its code) and never change.
    unsafe fn load_file(engine: &Engine, file: &File, path: &Path) -> wasmtime::Result<Self>;
    /// Loads precompiled bytes; same contract as [`Compiled::load_file`].
    unsafe fn load_bytes(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self>;
}

impl Compiled for Component {
    fn precompile(engine: &Engine, wasm: &[u8]) -> wasmtime::Result<Vec<u8>> {
        engine.precompile_component(wasm)
    }
    unsafe fn load_file(engine: &Engine, file: &File, path: &Path) -> wasmtime::Result<Self> {
        // wasmtime maps components by path only: through /proc, the path of
        // the very file that was checked, which no rename can swap
        let path = open_file_path(file).unwrap_or_else(|| path.to_path_buf());
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
    unsafe fn load_file(engine: &Engine, file: &File, _path: &Path) -> wasmtime::Result<Self> {
        let file = file.try_clone()?;
        // SAFETY: forwarded from the caller.
        unsafe { wasmtime::Module::deserialize_open_file(engine, file) }
    }
    unsafe fn load_bytes(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { wasmtime::Module::deserialize(engine, bytes) }
    }
}

/// A path that opens `file` itself, whatever its name now points to.
#[cfg(target_os = "linux")]
fn open_file_path(file: &File) -> Option<PathBuf> {
    use std::os::fd::AsRawFd;
    let path = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
    path.exists().then_some(path)
}

#[cfg(not(target_os = "linux"))]
fn open_file_path(_file: &File) -> Option<PathBuf> {
    None
}

/// What a failed compile is reported as (and told apart by).
const COMPILING: &str = "compiling the guest runtime";

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

/// A callback given one-line warnings (see [`with_warnings`]).
pub(crate) type Warn = Arc<dyn Fn(&str) + Send + Sync>;

thread_local! {
    static WARN: RefCell<Option<Warn>> = const { RefCell::new(None) };
}

/// Runs `load` with `warn` receiving the cache's warnings raised on this thread
/// (without one, they go to stderr).
pub(crate) fn with_warnings<R>(warn: &Warn, load: impl FnOnce() -> R) -> R {
    struct Restore(Option<Warn>);
    impl Drop for Restore {
        fn drop(&mut self) {
            WARN.set(self.0.take());
        }
    }
    let _restore = Restore(WARN.replace(Some(Arc::clone(warn))));
    load()
}

fn warn(message: &str) {
    match WARN.with_borrow(Clone::clone) {
        Some(warn) => warn(message),
        None => eprintln!("candor: warning: {message}"),
    }
}

/// Entries' code files this process has loaded, each under a shared lock
/// until the process exits, so that no other process evicts them.
static HELD: Mutex<Vec<(Option<Identity>, File)>> = Mutex::new(Vec::new());

/// How stale an entry's last-use time may get before a load refreshes it.
const USE_RESOLUTION: Duration = Duration::from_secs(60);

/// Where one runtime's compiled form lives.
pub(crate) struct CacheEntry {
    /// The runtime's name (`python`).
    runtime: String,
    /// `<runtime>-<code hash>-<engine hash>`.
    stem: String,
    dir: PathBuf,
    path: PathBuf,
    sum: PathBuf,
    lock: PathBuf,
    /// Whether a loaded entry stays locked (against eviction) while the
    /// process lives.
    hold: bool,
    /// What warnings call the compiled code (`python runtime`).
    shown: String,
    /// How long warnings say a compile takes (empty: not said).
    wait: &'static str,
}

/// Why the cache cannot hold an entry: the compile happens in memory.
struct Unusable {
    reason: String,
    /// The compiled code, when the compile happened before the cache failed.
    compiled: Option<Vec<u8>>,
}

impl Unusable {
    fn at(path: &Path, what: &str, error: impl std::fmt::Display) -> Self {
        Unusable {
            reason: format!("{what} {}: {error}", path.display()),
            compiled: None,
        }
    }
}

impl CacheEntry {
    pub(crate) fn new(dir: &Path, runtime: &str, sha256: &str, engine: &Engine) -> Self {
        let mut hasher = DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut hasher);
        let engine_key = hasher.finish();
        let stem = format!("{runtime}-{}-{engine_key:016x}", &sha256[..16]);
        CacheEntry {
            runtime: runtime.to_string(),
            path: dir.join(format!("{stem}.cwasm")),
            sum: dir.join(format!("{stem}.sum")),
            lock: dir.join(format!("{stem}.lock")),
            dir: dir.to_path_buf(),
            stem,
            hold: true,
            shown: format!("{runtime} runtime"),
            wait: " (a few seconds to ~20 s)",
        }
    }

    /// The entry of a user's program rather than a runtime: a process may
    /// load any number of them, so a loaded one does not keep its file open
    /// (the code stays mapped if another process evicts it).
    pub(crate) fn of_program(dir: &Path, kind: &str, sha256: &str, engine: &Engine) -> Self {
        CacheEntry {
            hold: false,
            shown: "WebAssembly program".to_string(),
            wait: "",
            ..CacheEntry::new(dir, kind, sha256, engine)
        }
    }

    /// Loads the compiled code when the cache holds it, checked as
    /// [`CacheEntry::load_or_compile`] checks it; None when it is absent or
    /// unusable (nothing is compiled). For a runtime whose WebAssembly is
    /// read from disk only when it must be compiled.
    pub(crate) fn load_cached<C: Compiled>(&self, engine: &Engine) -> Option<C> {
        self.try_load(engine)
    }

    /// The name its files share (`<runtime>-<code hash>-<engine hash>`),
    /// before their extension.
    pub(crate) fn stem(&self) -> &str {
        &self.stem
    }

    /// Whether the entry's compiled code is in the cache (not checked).
    pub(crate) fn is_present(&self) -> bool {
        self.path.is_file() && self.sum.is_file()
    }

    /// [`CacheEntry::load_or_compile`] for code that may not compile (a
    /// user's module): the inner error says why it does not, in wasmtime's
    /// words; the outer one is the cache's or the engine's own.
    pub(crate) fn load_or_compile_program<C: Compiled>(
        &self,
        engine: &Engine,
        wasm: &[u8],
    ) -> Result<Result<C, String>> {
        match self.load_or_compile(engine, wasm, &|_| {}) {
            Ok(compiled) => Ok(Ok(compiled)),
            Err(Error::Engine { context, source }) if context == COMPILING => {
                Ok(Err(format!("{source:#}")))
            }
            Err(other) => Err(other),
        }
    }

    /// Loads the compiled code, compiling and storing it first when absent or
    /// unusable. `notice` is called once, before a compile into the cache
    /// starts; when the cache cannot be used, the compile happens in memory
    /// and a warning says why.
    pub(crate) fn load_or_compile<C: Compiled>(
        &self,
        engine: &Engine,
        wasm: &[u8],
        notice: &dyn Fn(&Path),
    ) -> Result<C> {
        if let Some(loaded) = self.try_load(engine) {
            return Ok(loaded);
        }
        let unusable = match self.compile_into_cache(engine, wasm, notice)? {
            Ok(loaded) => return Ok(loaded),
            Err(unusable) => unusable,
        };
        let compiled = match unusable.compiled {
            Some(compiled) => {
                warn(&format!(
                    "cannot store the compiled {} in the compile cache ({}); it is compiled again by the next process",
                    self.shown, unusable.reason
                ));
                compiled
            }
            None => {
                warn(&format!(
                    "cannot use the compile cache ({}); compiling the {} in memory, for this process only{}",
                    unusable.reason, self.shown, self.wait
                ));
                C::precompile(engine, wasm).map_err(|e| Error::engine(COMPILING, e))?
            }
        };
        // SAFETY: the bytes were produced by `precompile` of this engine just now.
        unsafe { C::load_bytes(engine, &compiled) }
            .map_err(|e| Error::engine("loading the freshly compiled runtime", e))
    }

    /// Compiles into the cache under the entry's lock, then loads from it.
    /// The outer error is a failed compile; the inner one, a cache that cannot
    /// hold the entry.
    fn compile_into_cache<C: Compiled>(
        &self,
        engine: &Engine,
        wasm: &[u8],
        notice: &dyn Fn(&Path),
    ) -> Result<Result<C, Unusable>> {
        if self.dir.as_os_str().is_empty() {
            return Ok(Err(Unusable {
                reason: format!("no cache directory: set {CACHE_DIR_ENV} or HOME"),
                compiled: None,
            }));
        }
        if let Err(e) = fs::create_dir_all(&self.dir) {
            return Ok(Err(Unusable::at(&self.dir, "creating", e)));
        }
        let lock = match open_lock(&self.lock) {
            Ok(lock) => lock,
            Err(e) => return Ok(Err(Unusable::at(&self.lock, "opening", e))),
        };
        if let Err(e) = lock.lock() {
            return Ok(Err(Unusable::at(&self.lock, "locking", e)));
        }
        // another process may have compiled it while this one waited for the lock
        if let Some(loaded) = self.try_load(engine) {
            return Ok(Ok(loaded));
        }
        self.remove_partial_writes();
        notice(&self.path);
        let compiled = C::precompile(engine, wasm).map_err(|e| Error::engine(COMPILING, e))?;
        if let Err(mut unusable) = self.store(&compiled) {
            unusable.compiled = Some(compiled);
            return Ok(Err(unusable));
        }
        drop(lock);
        evict::evict(&self.dir, &format!("{}-", self.runtime), &self.stem);
        // mapped from the file like any later load, rather than kept in memory
        if let Some(loaded) = self.try_load(engine) {
            return Ok(Ok(loaded));
        }
        // SAFETY: the bytes were produced by `precompile` of this engine just now.
        unsafe { C::load_bytes(engine, &compiled) }
            .map(Ok)
            .map_err(|e| Error::engine("loading the freshly compiled runtime", e))
    }

    /// Writes the code (atomically, via rename) and then its checksum, which
    /// vouches for the file just written.
    fn store(&self, compiled: &[u8]) -> Result<(), Unusable> {
        let mut temp = tempfile::Builder::new()
            .prefix(&format!("{}.", self.stem))
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(|e| Unusable::at(&self.dir, "creating a file in", e))?;
        std::io::Write::write_all(&mut temp, compiled)
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| Unusable::at(temp.path(), "writing", e))?;
        let written = temp
            .persist(&self.path)
            .map_err(|e| Unusable::at(&self.path, "writing", e.error))?;
        forget_written_pages(&written);
        // after the rename, which changes the file's change time
        let identity = written.metadata().ok().as_ref().and_then(Identity::of);
        Sum::of_bytes(compiled)
            .checked_against(identity)
            .write(&self.sum)
            .map_err(|e| Unusable::at(&self.sum, "writing", e))
    }

    /// Removes files a compile of this entry left half-written when its
    /// process died. Only called under the entry's lock.
    fn remove_partial_writes(&self) {
        let Ok(listing) = fs::read_dir(&self.dir) else {
            return;
        };
        let prefix = format!("{}.", self.stem);
        for entry in listing.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(&prefix) && name.ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Loads the entry if it is present and matches its checksum.
    fn try_load<C: Compiled>(&self, engine: &Engine) -> Option<C> {
        let file = open_regular(&self.path).ok()?;
        // shared with other loaders; refused while an eviction removes the
        // entry (a file system without locks only loses the eviction guard)
        if let Err(TryLockError::WouldBlock) = file.try_lock_shared() {
            return None;
        }
        let metadata = file.metadata().ok()?;
        let identity = Identity::of(&metadata);
        let sum = Sum::read(&self.sum)?;
        if !sum.vouches_for(identity) {
            if !sum.matches(&file, metadata.len()).ok()? {
                return None;
            }
            self.vouch(&sum, identity);
        }
        // SAFETY: the file matches the checksum written with it, by
        // `load_or_compile` alone, for this engine's precompile output; it is
        // only ever replaced by rename, never written in place. wasmtime also
        // checks the header and refuses artifacts from another version or
        // configuration, in which case the entry is recompiled.
        let loaded = unsafe { C::load_file(engine, &file, &self.path) }.ok()?;
        self.touch();
        if self.hold {
            hold(identity, file);
        }
        Some(loaded)
    }

    /// Records that the file version `identity` matched `sum`, so that later
    /// loads need not read it whole. Best effort, and only while no compile
    /// of the entry runs.
    fn vouch(&self, sum: &Sum, identity: Option<Identity>) {
        let Ok(lock) = open_lock(&self.lock) else {
            return;
        };
        if lock.try_lock().is_err() {
            return;
        }
        // still the file that was checked (a compile may have replaced it)
        let current = open_regular(&self.path).and_then(|f| f.metadata());
        if current.ok().as_ref().and_then(Identity::of) == identity {
            let _ = sum.checked_against(identity).write(&self.sum);
        }
    }

    /// Marks the entry as used now, for eviction (at most once a minute).
    fn touch(&self) {
        let Ok(file) = open_regular(&self.sum) else {
            return;
        };
        let now = SystemTime::now();
        let recent = file
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age < USE_RESOLUTION));
        if !recent {
            let _ = file.set_modified(now);
        }
    }
}

/// Keeps `file` (locked shared) open until the process exits; once per file.
fn hold(identity: Option<Identity>, file: File) {
    let mut held = HELD.lock().unwrap_or_else(|p| p.into_inner());
    if identity.is_none() || !held.iter().any(|(i, _)| *i == identity) {
        held.push((identity, file));
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
