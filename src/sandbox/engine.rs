//! The one wasmtime engine configuration candor compiles and runs guests with.

use crate::error::{Error, Result};
use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

/// The most runs one sandbox holds instances for at the same time (`check --jobs` is capped to this).
pub const MAX_CONCURRENT_RUNS: u32 = 128;
/// The largest linear memory a guest can have, whatever `--memory` says.
pub const MAX_GUEST_MEMORY: u64 = 4 << 30;
/// Bytes of each pooled linear memory that are reset by copying instead of
/// being unmapped: a fresh instance then writes to pages that are already
/// private, instead of taking a copy-on-write fault for each (which, with
/// several runs in parallel, also costs a cross-CPU TLB flush per fault).
const KEEP_RESIDENT: usize = 64 << 20;

/// The deepest native (WebAssembly) stack a guest may use. Recursion through
/// C in CPython (a `functools.cache` wrapper, `json.dumps` of nested data, a
/// sort key) takes a few kilobytes of it per level: this lets such recursion
/// reach CPython's own limits, which raise `RecursionError`, as python3 does,
/// instead of trapping. wasmtime's default is 512 KiB.
pub(crate) const MAX_WASM_STACK: usize = 16 << 20;
/// The stack each run's fiber gets: the guest's stack and room for the host
/// calls it makes.
const ASYNC_STACK: usize = MAX_WASM_STACK + (1 << 20);

/// The most elements a pooled table may have. wasmtime's default (20 000) is
/// below the function table of the python-data runtime's CPython (47 157); a
/// slot costs address space only (8 bytes an element), not memory.
const MAX_TABLE_ELEMENTS: usize = 1 << 17;
/// The largest instance state (`VMContext`) of a pooled core instance.
/// wasmtime's default (1 MiB) is below what the python-data runtime's CPython
/// needs for its ~47 000 functions (1.5 MB).
const MAX_CORE_INSTANCE_SIZE: usize = 4 << 20;

/// Instances a pooled sandbox keeps ready beyond its concurrent runs (see
/// `standby.rs`); the pool has slots for them too.
pub(crate) const STANDBY_INSTANCES: u32 = 1;

/// Builds the engine: Cranelift, fuel metering (the CPU budget, which also
/// yields to the async executor so the wall-clock timeout can fire), the
/// component model and exception handling. With `runs` > 1 instances come from a pool of that many
/// recycled slots; with 1 (a one-shot command) they are mapped on demand, which
/// starts faster and keeps the process small. Precompiled code is valid for
/// both (the allocator does not change the compiled code).
pub(crate) fn build_engine(runs: u32) -> Result<Engine> {
    let mut config = config();
    config.cranelift_opt_level(wasmtime::OptLevel::Speed);
    if runs > 1 {
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool(
            runs.min(MAX_CONCURRENT_RUNS) + STANDBY_INSTANCES,
        )));
    }
    Engine::new(&config).map_err(|e| Error::engine("configuring the WebAssembly engine", e))
}

/// The engine that runs a module once to pre-initialise it
/// (`preinit.rs`): the same features and limits as [`build_engine`]'s, but
/// Cranelift's quickest setting (the module is compiled for that one run).
pub(crate) fn build_preinit_engine() -> Result<Engine> {
    let mut config = config();
    config.cranelift_opt_level(wasmtime::OptLevel::None);
    Engine::new(&config).map_err(|e| Error::engine("configuring the WebAssembly engine", e))
}

/// What every engine of candor's has.
fn config() -> Config {
    let mut config = Config::new();
    config.consume_fuel(true);
    config.wasm_component_model(true);
    // exception handling (C++ exceptions and setjmp/longjmp compiled to
    // WebAssembly, as in the python-data runtime's CPython); its exception
    // objects live in a per-store GC heap. The GC proposal itself (struct and
    // array types) stays off, as it was before the `gc` cargo feature.
    config.wasm_exceptions(true);
    config.wasm_gc(false);
    config.memory_reservation(MAX_GUEST_MEMORY);
    config.max_wasm_stack(MAX_WASM_STACK);
    config.async_stack_size(ASYNC_STACK);
    config
}

fn pool(runs: u32) -> PoolingAllocationConfig {
    let mut pool = PoolingAllocationConfig::new();
    pool.total_component_instances(runs)
        .total_core_instances(runs * 16)
        .total_memories(runs * 2)
        .total_tables(runs * 16)
        .total_stacks(runs)
        .max_core_instances_per_component(16)
        .max_memories_per_component(2)
        .max_tables_per_component(16)
        .max_memory_size(MAX_GUEST_MEMORY as usize)
        .table_elements(MAX_TABLE_ELEMENTS)
        .max_core_instance_size(MAX_CORE_INSTANCE_SIZE)
        .linear_memory_keep_resident(KEEP_RESIDENT)
        .table_keep_resident(1 << 20)
        .async_stack_keep_resident(1 << 20);
    pool
}
