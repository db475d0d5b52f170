//! The one wasmtime engine configuration candor compiles and runs guests with.

use crate::error::{Error, Result};
use wasmtime::{Config, Engine};

/// Builds the engine: Cranelift, fuel metering (the CPU budget, which also
/// yields to the async executor so the wall-clock timeout can fire), and the
/// component model. Precompiled code is only valid for an engine built here.
pub(crate) fn build_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.consume_fuel(true);
    config.wasm_component_model(true);
    config.cranelift_opt_level(wasmtime::OptLevel::Speed);
    Engine::new(&config).map_err(|e| Error::engine("configuring the WebAssembly engine", e))
}
