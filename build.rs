//! Provisions the guest runtimes that candor embeds, one module per runtime:
//! `build/python.rs` (CPython 3.14 as a WebAssembly component, with
//! `build/python/` for its reproducibility, optimisation and devirtualisation
//! steps) and `build/javascript.rs` (QuickJS-ng as a WASI module). This file
//! holds what they share: embedding a built runtime, running a step, failing.
//!
//! Each runtime's bytes are embedded in the library, together with their
//! SHA-256, which keys the compiled-code cache at run time.

#[path = "build/javascript.rs"]
mod javascript;
#[path = "build/python.rs"]
mod python;

use sha2::{Digest, Sha256};
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let component = python::provision(&out_dir);
    embed(
        &out_dir,
        &component,
        "python",
        "The Python guest component (CPython 3.14 + candor's harness).",
    );
    let module = javascript::provision(&out_dir);
    embed(
        &out_dir,
        &module,
        "javascript",
        "The JavaScript guest module (QuickJS-ng + candor's runner).",
    );
    // the native runtime compiles C, C++ and Zig with the zig that built the
    // JavaScript runtime (absent when that module came prebuilt)
    if let Some(zig) = javascript::zig(&out_dir) {
        println!("cargo:rustc-env=CANDOR_BUILD_ZIG={}", zig.display());
    }
}

/// Copies a built runtime into `OUT_DIR/NAME.wasm` and writes `OUT_DIR/NAME_runtime.rs`,
/// which embeds its bytes (`WASM`) and their SHA-256 (`WASM_SHA256`).
fn embed(out_dir: &Path, built: &Path, name: &str, doc: &str) {
    let bytes =
        fs::read(built).unwrap_or_else(|e| fail(&format!("reading {}: {e}", built.display())));
    let digest = Sha256::digest(&bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let embedded = out_dir.join(format!("{name}.wasm"));
    if built != embedded {
        fs::write(&embedded, &bytes)
            .unwrap_or_else(|e| fail(&format!("writing {}: {e}", embedded.display())));
    }
    let generated = format!(
        "/// {doc}\n\
         pub(crate) const WASM: &[u8] = include_bytes!({path:?});\n\
         /// SHA-256 of [`WASM`], hex.\n\
         pub(crate) const WASM_SHA256: &str = {hex:?};\n",
        path = embedded.display().to_string(),
    );
    fs::write(out_dir.join(format!("{name}_runtime.rs")), generated)
        .unwrap_or_else(|e| fail(&format!("writing {name}_runtime.rs: {e}")));
}

/// Runs `command`, ending the build with `fail` when it does not succeed.
fn run(command: &mut Command, what: &str, fail: fn(&str) -> !) {
    match command.status() {
        Ok(status) if status.success() => {}
        Ok(status) => fail(&format!("{what}: exited with {status}")),
        Err(e) => fail(&format!("{what}: {e}")),
    }
}

/// Ends the build with `message` (embedding what was built has no offline way round).
fn fail(message: &str) -> ! {
    fail_with(
        message,
        "the runtimes were built; writing them into OUT_DIR failed",
    )
}

/// Ends the build with `message`, and with how to build without this step
/// (`offline`: the environment variable that names a prebuilt runtime).
fn fail_with(message: &str, offline: &str) -> ! {
    eprintln!("candor build: {message}");
    eprintln!("candor build: {offline}");
    std::process::exit(1);
}
