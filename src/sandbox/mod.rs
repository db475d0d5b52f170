//! The sandbox: one engine and compiled runtimes, shared by every run; each run
//! gets a fresh instance held to fuel, memory, wall-clock and output limits.
//!
//! This file is the public facade ([`Sandbox`], [`SandboxBuilder`]): it
//! resolves a snippet to its runtime through the registry
//! (`runtimes::registry`), loads runtimes on first use, and hands out run
//! slots. Its submodules are the engine layer, which knows no language,
//! detection or CLI: the engine configuration, limits, guest state and WASI
//! contexts, capped stdio, the bounded execution of each WebAssembly interface
//! (the harness component and preview-1 commands in `execution`, preview-2
//! command components in `p2_command`), the compile cache and the standby.

pub(crate) mod cache;
pub(crate) mod disk;
pub(crate) mod engine;
mod events;
pub(crate) mod execution;
pub(crate) mod guest;
mod input;
pub(crate) mod limits;
mod memory_snapshot;
mod output;
pub(crate) mod p2_command;
pub(crate) mod preinit;
pub(crate) mod slot;
pub(crate) mod standby;
pub(crate) mod tempdirs;
mod wasi_fs;
mod wasi_p1_fs;

pub use cache::{CACHE_DIR_ENV, default_cache_dir};
pub use engine::{MAX_CONCURRENT_RUNS, MAX_GUEST_MEMORY};
pub use limits::Limits;

use crate::error::{Error, Result};
use crate::report::Report;
use crate::runtimes::registry::{self, RUNTIMES};
use crate::runtimes::runtime::{self as interface, LoadContext, RunContext, Runtime, Settings};
use crate::runtimes::{Language, Snippet};
use slot::RunSlot;
use standby::KeepReady;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use wasmtime::Engine;

/// A callback told when a runtime is about to be compiled (a one-time, ~20 s wait).
pub type CompileNotice = Arc<dyn Fn(Language, &Path) + Send + Sync>;

/// Where warnings go when no [`SandboxBuilder::on_warning`] callback is set.
fn warn_on_stderr(message: &str) {
    eprintln!("candor: warning: {message}");
}

/// Builds a [`Sandbox`].
///
/// Defaults: [`Limits::default`], detection on, not deterministic, the cache
/// directory from [`default_cache_dir`], no compile notice, warnings on
/// stderr, the Python runtime loaded by [`SandboxBuilder::build`] and the
/// others on first use, and up to twice the number of cores runs holding an
/// instance at once (more wait).
/// With more than one concurrent run, one Python instance is also kept ready
/// for the next run, and used instances are reset on a thread of their own.
#[derive(Clone)]
pub struct SandboxBuilder {
    limits: Limits,
    deterministic: bool,
    no_detection: bool,
    strict: bool,
    cache_dir: Option<PathBuf>,
    notice: Option<CompileNotice>,
    warn: cache::Warn,
    preload: Vec<Language>,
    concurrent_runs: u32,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        SandboxBuilder {
            limits: Limits::default(),
            deterministic: false,
            no_detection: false,
            strict: false,
            cache_dir: None,
            notice: None,
            warn: Arc::new(warn_on_stderr),
            preload: vec![Language::Python],
            concurrent_runs: u32::try_from(cores * 2)
                .unwrap_or(MAX_CONCURRENT_RUNS)
                .clamp(2, MAX_CONCURRENT_RUNS),
        }
    }
}

impl SandboxBuilder {
    /// The limits every run gets unless its [`Snippet`] carries its own.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Fixes the guest's clocks and random seeds so that runs repeat bit for bit.
    pub fn deterministic(mut self, on: bool) -> Self {
        self.deterministic = on;
        self
    }

    /// Turns detection of hidden failures on (the default) or off.
    pub fn detection(mut self, on: bool) -> Self {
        self.no_detection = !on;
        self
    }

    /// Re-runs every snippet whose handlers swallowed an exception, in a
    /// fresh instance with one such handler re-raising, and attaches to each
    /// finding what the error would have done (see [`crate::StrictCheck`]);
    /// a finding whose re-run completes with the same output drops one
    /// severity level. Off by default; costs one more run per handler that
    /// swallowed (at most [`crate::MAX_STRICT_RUNS`]), and none when no
    /// handler did. [`Snippet::strict`] asks for it per snippet.
    pub fn strict(mut self, on: bool) -> Self {
        self.strict = on;
        self
    }

    /// Where compiled runtimes are cached.
    pub fn cache_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Called before a runtime is compiled into the cache.
    pub fn on_compile(mut self, notice: impl Fn(Language, &Path) + Send + Sync + 'static) -> Self {
        self.notice = Some(Arc::new(notice));
        self
    }

    /// Called with a one-line warning when something degraded without failing:
    /// the cache directory cannot be used (missing, read-only, not a
    /// directory), so a runtime is compiled in memory, again in every process.
    /// Without this callback, warnings are printed on stderr as
    /// `candor: warning: ...`.
    pub fn on_warning(mut self, warn: impl Fn(&str) + Send + Sync + 'static) -> Self {
        self.warn = Arc::new(warn);
        self
    }

    /// How many runs may hold an instance at the same time (1 to
    /// [`MAX_CONCURRENT_RUNS`]); further runs wait for a free slot. Above 1,
    /// instance slots are pooled and recycled, which is faster per run; 1 suits
    /// a one-shot process, which then starts faster and stays smaller.
    pub fn concurrent_runs(mut self, runs: u32) -> Self {
        self.concurrent_runs = runs.clamp(1, MAX_CONCURRENT_RUNS);
        self
    }

    /// The languages whose runtimes [`SandboxBuilder::build`] loads (compiling
    /// them once if needed); the others load on their first run.
    pub fn preload(mut self, languages: &[Language]) -> Self {
        self.preload = languages.to_vec();
        self
    }

    /// Creates the engine and loads (or compiles once) the preloaded runtimes.
    /// The first build of a process also removes the temporary directories
    /// that dead candor processes left behind.
    pub fn build(self) -> Result<Sandbox> {
        self.limits.validate()?;
        tempdirs::sweep_once();
        let engine = engine::build_engine(self.concurrent_runs)?;
        // each run's share of the process's open files (see disk::descriptor_cap)
        let runs_share = disk::register_runs(self.concurrent_runs + engine::STANDBY_INSTANCES);
        // none (no HOME): runtimes are compiled in memory, with a warning
        let cache_dir = self
            .cache_dir
            .or_else(default_cache_dir)
            .unwrap_or_default();
        let sandbox = Sandbox {
            inner: Arc::new(Inner {
                engine,
                _runs_share: runs_share,
                cache_dir,
                notice: self.notice,
                warn: self.warn,
                runtimes: RUNTIMES.iter().map(|_| Lazy::default()).collect(),
                slots: Arc::new(tokio::sync::Semaphore::new(self.concurrent_runs as usize)),
                pooled: self.concurrent_runs > 1,
                running: AtomicUsize::new(0),
                limits: self.limits,
                deterministic: self.deterministic,
                detection: !self.no_detection,
                strict: self.strict,
                blocking: OnceLock::new(),
            }),
        };
        for language in self.preload {
            sandbox.load(language)?;
        }
        Ok(sandbox)
    }
}

struct Inner {
    engine: Engine,
    /// This sandbox's runs, counted in the per-run share of open files while it lives.
    _runs_share: disk::RunsShare,
    cache_dir: PathBuf,
    notice: Option<CompileNotice>,
    warn: cache::Warn,
    /// The runtimes, one per entry of the registry, each loaded on first use.
    runtimes: Box<[Lazy<dyn Runtime>]>,
    /// One permit per run that may hold an instance.
    slots: Arc<tokio::sync::Semaphore>,
    /// Whether instances come from a pool (and one is kept ready).
    pooled: bool,
    /// Runs in progress.
    running: AtomicUsize,
    limits: Limits,
    deterministic: bool,
    detection: bool,
    strict: bool,
    /// The runtime behind [`Sandbox::run_blocking`], made on its first call.
    blocking: OnceLock<tokio::runtime::Runtime>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        // the last clone may be dropped inside an async context, where a
        // runtime must not block on its own shutdown
        if let Some(runtime) = self.blocking.take() {
            runtime.shutdown_background();
        }
    }
}

/// Counts a run as in progress while it lives.
struct Running<'a> {
    count: &'a AtomicUsize,
    /// How many runs were in progress when this one started, itself included.
    at_start: usize,
}

impl<'a> Running<'a> {
    fn enter(count: &'a AtomicUsize) -> Self {
        let at_start = count.fetch_add(1, Ordering::SeqCst) + 1;
        Running { count, at_start }
    }

    /// Whether no other run was in progress when this one started.
    fn alone(&self) -> bool {
        self.at_start == 1
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.count.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A runtime loaded on first use (once, even when many runs ask at once).
struct Lazy<T: ?Sized> {
    slot: Mutex<Option<Arc<T>>>,
}

impl<T: ?Sized> Default for Lazy<T> {
    fn default() -> Self {
        Lazy {
            slot: Mutex::new(None),
        }
    }
}

impl<T: ?Sized> Lazy<T> {
    fn get_or_load(&self, load: impl FnOnce() -> Result<Arc<T>>) -> Result<Arc<T>> {
        let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(ready) = slot.as_ref() {
            return Ok(Arc::clone(ready));
        }
        let loaded = load()?;
        *slot = Some(Arc::clone(&loaded));
        Ok(loaded)
    }
}

/// Runs snippets in isolated WebAssembly instances. Build it once (it holds the
/// engine and the compiled runtimes); clones are cheap and share them; `run`
/// may be called from many tasks at once.
///
/// ```no_run
/// use candor::{Sandbox, Snippet};
/// let sandbox = Sandbox::builder().build()?;
/// let report = sandbox.run_blocking(&Snippet::python("print('hi')"))?;
/// assert_eq!(report.stdout, "hi\n");
/// # Ok::<(), candor::Error>(())
/// ```
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

impl Sandbox {
    /// A builder with the defaults.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// The limits runs get by default.
    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// Runs one snippet in a fresh instance. Must be polled inside a tokio runtime
    /// with timers enabled. A failing snippet or a limit hit is a [`Report`] with
    /// that outcome, not an error.
    ///
    /// With [`SandboxBuilder::strict`] or [`Snippet::strict`], a run in which
    /// a handler swallowed an exception is run a second time with those
    /// handlers re-raising, and each of its findings says what changed.
    pub async fn run(&self, snippet: &Snippet) -> Result<Report> {
        let mut report = self.run_once(snippet).await?;
        if (self.inner.strict || snippet.strict) && self.inner.detection {
            for group in crate::report::strict_groups(&report) {
                let mut again = snippet.clone();
                again.reraise = group.targets.clone();
                let strict = self.run_once(&again).await?;
                crate::report::attach_strict(&mut report, &group, &strict);
            }
        }
        Ok(report)
    }

    /// One run of `snippet` (a strict re-run when it says what to re-raise:
    /// detection is off then).
    pub(crate) async fn run_once(&self, snippet: &Snippet) -> Result<Report> {
        let inner = &self.inner;
        let limits = snippet.limits.as_ref().unwrap_or(&inner.limits);
        limits.validate()?;
        snippet.validate()?;
        let permit = Arc::clone(&inner.slots)
            .acquire_owned()
            .await
            .map_err(|_| Error::BadInput("the sandbox is shutting down".to_string()))?;
        let running = Running::enter(&inner.running);
        let runtime = self.runtime(snippet.language, snippet.runtime.as_deref())?;
        let settings = Settings {
            determinism: snippet
                .determinism
                .unwrap_or(guest::Determinism::all(inner.deterministic)),
            // a strict re-run only shows what the re-raised error does
            detection: inner.detection && snippet.reraise.is_empty(),
        };
        let prepared = runtime.prepare(snippet, settings, limits).await?;
        // a run alone in the sandbox may take a ready instance and leave its
        // reset to a blocking thread; runs in parallel already keep the cores
        // busy, and handing work between threads would only slow them down
        let slot = RunSlot::new(permit, running.alone());
        let cx = RunContext {
            engine: &inner.engine,
            limits,
            settings,
            slot: &slot,
        };
        interface::execute(runtime.as_ref(), &prepared, &cx).await
    }

    /// Loads the runtime of `language` now (compiling it once if needed).
    pub fn load(&self, language: Language) -> Result<()> {
        self.runtime(language, None).map(drop)
    }

    /// The runtime that runs `language`, loaded on first use.
    fn runtime(&self, language: Language, named: Option<&str>) -> Result<Arc<dyn Runtime>> {
        let inner = &self.inner;
        let index = match named {
            Some(name) => registry::resolve_named(name, language).map_err(Error::BadInput)?,
            None => registry::resolve(language).ok_or_else(|| {
                Error::BadInput(format!("no runtime runs {} snippets", language.name()))
            })?,
        };
        let entry = &RUNTIMES[index];
        inner.runtimes[index].get_or_load(|| {
            let keep_ready = inner.pooled.then_some(KeepReady {
                determinism: guest::Determinism::all(inner.deterministic),
                fuel: inner.limits.fuel,
            });
            let shown = entry.languages.first().copied().unwrap_or(language);
            let notice = |path: &Path| self.notify(shown, path);
            let cx = LoadContext {
                engine: &inner.engine,
                cache_dir: &inner.cache_dir,
                keep_ready,
                notice: &notice,
            };
            cache::with_warnings(&inner.warn, || (entry.load)(&cx))
        })
    }

    fn notify(&self, language: Language, path: &Path) {
        if let Some(notice) = &self.inner.notice {
            notice(language, path);
        }
    }

    /// [`Sandbox::run`], blocking the calling thread until the report is ready.
    /// The sandbox's own tokio runtime (one worker, started on first use and
    /// shared by all callers) drives the timers; the run itself is polled on the
    /// calling thread. Must not be called from inside an async runtime.
    pub fn run_blocking(&self, snippet: &Snippet) -> Result<Report> {
        self.block_on(self.run(snippet))
    }

    /// Whether the guests' clocks and random sources are fixed
    /// ([`SandboxBuilder::deterministic`]).
    pub(crate) fn is_deterministic(&self) -> bool {
        self.inner.deterministic
    }

    /// Runs `work` to its end on the sandbox's own async runtime (made on
    /// first use), for the blocking calls.
    pub(crate) fn block_on<T>(
        &self,
        work: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        let blocking = &self.inner.blocking;
        if blocking.get().is_none() {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("candor-timers")
                .enable_all()
                .build()
                .map_err(|e| Error::Internal(format!("starting an async runtime: {e}")))?;
            // another caller may have been first: then this one is dropped unused
            let _ = blocking.set(runtime);
        }
        match blocking.get() {
            Some(runtime) => runtime.block_on(work),
            None => Err(Error::Internal("the async runtime vanished".to_string())),
        }
    }
}
