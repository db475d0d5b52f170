//! What one guest instance can see: its WASI context (stdio, args, env,
//! scratch directory, clocks, randomness), its memory limiter, and the facts it
//! has streamed to the host.

use super::disk::DiskQuota;
use super::input::LateInput;
use super::memory_snapshot::MemorySnapshot;
use super::output::CappedOutput;
use crate::error::{Error, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use wasmtime::ResourceLimiter;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::{
    Deterministic, FsPerms, HostMonotonicClock, HostWallClock, WasiCtx, WasiCtxBuilder,
    WasiCtxView, WasiView,
};

/// Most host memory the facts of one run may take (their text and the cost of
/// keeping each one); beyond that they are dropped and the report says so (a
/// snippet can call the import itself, and must not exhaust the host's memory).
const MAX_FACT_BYTES: usize = 16 << 20;

/// The store data of one run; `W` is the WASI flavour (a component's
/// [`ComponentWasi`] or a preview-1 module's [`WasiP1Ctx`]).
pub(crate) struct GuestState<W> {
    pub(crate) wasi: W,
    pub(crate) memory: MemoryLimiter,
    pub(crate) facts: FactLog,
    /// The scratch directory's quota (counted by [`super::wasi_fs`]).
    pub(crate) disk: Arc<DiskQuota>,
    /// The memory a preview-1 guest kept between its probe calls (see
    /// [`super::memory_snapshot`]).
    pub(crate) snapshot: MemorySnapshot,
}

/// WASI (preview 2) state of a component guest.
pub(crate) struct ComponentWasi {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl WasiView for GuestState<ComponentWasi> {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        self.wasi.ctx()
    }
}

impl WasiView for ComponentWasi {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.ctx,
            table: &mut self.table,
        }
    }
}

impl GuestState<ComponentWasi> {
    /// The guest's file system, counted against its scratch quota.
    pub(crate) fn guarded_filesystem(&mut self) -> super::wasi_fs::GuardedFilesystem<'_> {
        use wasmtime_wasi::filesystem::WasiFilesystemView;
        super::wasi_fs::GuardedFilesystem {
            fs: self.wasi.filesystem(),
            quota: &self.disk,
        }
    }
}

/// The facts a guest streamed, in order.
#[derive(Default)]
pub(crate) struct FactLog {
    pub(crate) lines: Vec<String>,
    bytes: usize,
    pub(crate) dropped: usize,
}

/// Host bytes one kept fact costs besides its text: the `String` itself and
/// the allocator's rounding. Counting them holds a flood of tiny facts to the
/// same host memory as a few large ones.
const FACT_OVERHEAD: usize = std::mem::size_of::<String>() + 16;

impl FactLog {
    /// Keeps `fact`, or drops it when the log is full.
    pub(crate) fn push(&mut self, fact: String) {
        if self.take_room(fact.len()) {
            self.lines.push(fact);
        }
    }

    /// Reserves room for a fact of `len` bytes, or counts it as dropped; lets
    /// a caller refuse a fact before copying it out of guest memory.
    pub(crate) fn take_room(&mut self, len: usize) -> bool {
        let cost = len.saturating_add(FACT_OVERHEAD);
        if self.bytes.saturating_add(cost) > MAX_FACT_BYTES {
            self.dropped += 1;
            return false;
        }
        self.bytes += cost;
        true
    }

    /// Keeps a fact whose room [`FactLog::take_room`] already reserved.
    pub(crate) fn push_reserved(&mut self, fact: String) {
        self.lines.push(fact);
    }
}

/// Holds linear memory to the limit, and remembers a refused growth so the
/// report can say `memory_exceeded` however the guest reacted.
pub(crate) struct MemoryLimiter {
    limit: usize,
    /// The largest size any memory of the guest was allowed to reach.
    pub(crate) largest: usize,
    pub(crate) refused: bool,
}

impl MemoryLimiter {
    /// Changes the limit for the rest of the guest's life (an instance made ready
    /// before its run's limits were known).
    pub(crate) fn set_limit(&mut self, limit: u64) {
        self.limit = usize::try_from(limit).unwrap_or(usize::MAX);
    }

    /// The most bytes a memory of the guest may hold.
    pub(crate) fn limit(&self) -> usize {
        self.limit
    }
}

/// The error a refused memory growth traps the guest with.
#[derive(Debug, thiserror::Error)]
#[error("linear memory limit of {limit} bytes exceeded (the guest asked for {desired})")]
pub(crate) struct MemoryLimitExceeded {
    limit: usize,
    desired: usize,
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.limit {
            self.refused = true;
            return Err(wasmtime::Error::new(MemoryLimitExceeded {
                limit: self.limit,
                desired,
            }));
        }
        self.largest = self.largest.max(desired);
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        // a table element costs a pointer of host memory: hold tables to the memory limit too
        Ok(desired.saturating_mul(std::mem::size_of::<usize>()) <= self.limit)
    }
}

/// Which of a guest's sources of variation are fixed: its clocks (they start
/// at 2024-01-01T00:00:00Z and advance one millisecond a read) and its random
/// bytes (a fixed sequence; the harnesses seed their generators with 0).
/// `--deterministic` fixes both; a run that checks whether its output varies
/// fixes one at a time to tell which does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Determinism {
    pub(crate) clock: bool,
    pub(crate) random: bool,
}

impl Determinism {
    /// Both fixed (`--deterministic`).
    pub(crate) const FIXED: Determinism = Determinism {
        clock: true,
        random: true,
    };

    /// Both fixed when `on`, neither otherwise.
    pub(crate) fn all(on: bool) -> Self {
        Determinism {
            clock: on,
            random: on,
        }
    }
}

/// The inputs one guest gets.
pub(crate) struct GuestIo<'a> {
    pub(crate) args: &'a [String],
    pub(crate) env: &'a [(String, String)],
    pub(crate) stdin: LateInput,
    pub(crate) scratch: &'a std::path::Path,
    /// Where the guest sees the scratch directory (`/` but for a runtime that
    /// lays out its own file system).
    pub(crate) scratch_at: &'a str,
    pub(crate) stdout: CappedOutput,
    pub(crate) stderr: CappedOutput,
    pub(crate) determinism: Determinism,
    pub(crate) memory_limit: u64,
    /// Host directories the guest may read, and where it sees them.
    pub(crate) read_only: &'a [(std::path::PathBuf, String)],
}

impl GuestIo<'_> {
    /// The store data of a component guest.
    pub(crate) fn component_state(self) -> Result<GuestState<ComponentWasi>> {
        let memory = self.limiter();
        let disk = Arc::new(DiskQuota::new(self.memory_limit));
        let mut b = self.builder(true)?;
        Ok(GuestState {
            wasi: ComponentWasi {
                ctx: b.build(),
                table: ResourceTable::new(),
            },
            memory,
            facts: FactLog::default(),
            disk,
            snapshot: MemorySnapshot::default(),
        })
    }

    /// The store data of a WASI preview-1 module guest.
    pub(crate) fn module_state(self) -> Result<GuestState<WasiP1Ctx>> {
        let memory = self.limiter();
        // not for preview 1: there the same switch makes a relative sleep block
        // the thread, out of reach of the wall-clock limit
        let disk = Arc::new(DiskQuota::new(self.memory_limit));
        let mut b = self.builder(false)?;
        Ok(GuestState {
            wasi: b.build_p1(),
            memory,
            facts: FactLog::default(),
            disk,
            snapshot: MemorySnapshot::default(),
        })
    }

    fn limiter(&self) -> MemoryLimiter {
        MemoryLimiter {
            limit: usize::try_from(self.memory_limit).unwrap_or(usize::MAX),
            largest: 0,
            refused: false,
        }
    }

    /// The WASI context: no network, no host environment, no host files but the
    /// scratch directory (which the guest sees at `scratch_at`, usually `/`) and
    /// the read-only directories.
    /// With `files_on_thread`, file operations run on the run's own thread
    /// instead of being handed to a blocking pool, which costs far more than a
    /// small operation (writing a small file took 2.5 ms that way).
    fn builder(self, files_on_thread: bool) -> Result<WasiCtxBuilder> {
        let mut b = WasiCtxBuilder::new();
        b.stdin(self.stdin)
            .stdout(self.stdout)
            .stderr(self.stderr)
            .args(self.args)
            .envs(self.env)
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .socket_addr_check(|_, _| Box::pin(async { false }))
            .allow_blocking_current_thread(files_on_thread);
        b.preopened_dir(self.scratch, self.scratch_at, FsPerms::ReadWrite)
            .map_err(|e| {
                Error::engine(
                    format!("opening the scratch directory {}", self.scratch.display()),
                    e,
                )
            })?;
        for (host, guest) in self.read_only {
            b.preopened_dir(host, guest, FsPerms::ReadOnly)
                .map_err(|e| Error::engine(format!("opening {}", host.display()), e))?;
        }
        if self.determinism.clock {
            b.wall_clock(FixedClock::default())
                .monotonic_clock(FixedClock::default());
        }
        if self.determinism.random {
            b.secure_random(Deterministic::new(fixed_bytes(1)))
                .insecure_random(Deterministic::new(fixed_bytes(2)))
                .insecure_random_seed(0x5eed);
        }
        Ok(b)
    }
}

/// A fixed pseudo-random byte cycle for `--deterministic` (an LCG, so it is not all zeroes).
fn fixed_bytes(seed: u64) -> Vec<u8> {
    let mut state = seed;
    (0..4093)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect()
}

/// A clock for `--deterministic`: starts at 2024-01-01T00:00:00Z and advances one
/// microsecond per reading, so time still moves forward but never differs between runs.
#[derive(Default)]
struct FixedClock {
    ticks: AtomicU64,
}

/// 2024-01-01T00:00:00Z in seconds since the Unix epoch.
const FIXED_EPOCH_SECONDS: u64 = 1_704_067_200;

impl FixedClock {
    fn tick(&self) -> u64 {
        self.ticks.fetch_add(1, Ordering::Relaxed)
    }
}

impl HostWallClock for FixedClock {
    fn resolution(&self) -> Duration {
        Duration::from_micros(1)
    }
    fn now(&self) -> Duration {
        Duration::from_secs(FIXED_EPOCH_SECONDS) + Duration::from_micros(self.tick())
    }
}

impl HostMonotonicClock for FixedClock {
    fn resolution(&self) -> u64 {
        1_000
    }
    fn now(&self) -> u64 {
        self.tick() * 1_000
    }
}
