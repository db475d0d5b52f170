//! Provisions candor's JavaScript runtime (included by `build.rs` with `#[path]`).
//!
//! The runtime is QuickJS-ng plus candor's runner (`runtimes/javascript`), built
//! as a wasm32-wasi module by `runtimes/javascript/build.py` with `zig cc` from
//! the PyPI package `ziglang`.
//!
//! The QuickJS-ng C sources come from the `rquickjs-sys` crate. The package
//! declares it as a dependency under a `cfg` that never matches, so cargo
//! resolves and locks it but never compiles it; `cargo metadata` (run here, with
//! the cargo that runs this build) downloads it into cargo's registry cache like
//! any other crate and tells where its sources are.
//!
//! The built module is cached in `OUT_DIR` under a name derived from the hash of
//! its inputs, so a build script rerun for another reason does not rebuild it.
//! Set `CANDOR_JS_MODULE` to a module built beforehand to skip all of this.

use sha2::{Digest, Sha256};
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate whose `quickjs/` folder holds the QuickJS-ng sources.
const QUICKJS_CRATE: &str = "rquickjs-sys";
/// Must match the version pinned in Cargo.toml.
const QUICKJS_CRATE_VERSION: &str = "0.14.0";
const JS_GUEST_DIR: &str = "runtimes/javascript";
/// Files the module is built from (besides the QuickJS sources and `lib/*.js`).
const JS_INPUTS: &[&str] = &["runner.c", "jsc.c", "bootstrap.js", "build.py"];
/// The folder of the globals built on first use, each a `.js` file embedded in the module.
const JS_LIB_DIR: &str = "lib";

/// `JS_INPUTS` and the `.js` files of `JS_LIB_DIR`, relative to the guest folder, sorted.
fn inputs(guest: &Path) -> Vec<String> {
    let mut libs: Vec<String> = fs::read_dir(guest.join(JS_LIB_DIR))
        .unwrap_or_else(|e| js_fail(&format!("reading {}/{JS_LIB_DIR}: {e}", guest.display())))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| js_fail(&format!("reading {JS_LIB_DIR}: {e}")))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".js"))
        .map(|name| format!("{JS_LIB_DIR}/{name}"))
        .collect();
    libs.sort();
    JS_INPUTS
        .iter()
        .map(|s| s.to_string())
        .chain(libs)
        .collect()
}

/// Returns the path of the JavaScript runtime module, building it if needed.
pub fn provision(out_dir: &Path) -> PathBuf {
    println!("cargo:rerun-if-env-changed=CANDOR_JS_MODULE");
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let guest = manifest_dir.join(JS_GUEST_DIR);
    let inputs = inputs(&guest);
    // the folder too: a lib added or removed
    println!("cargo:rerun-if-changed={JS_GUEST_DIR}/{JS_LIB_DIR}");
    for input in &inputs {
        println!("cargo:rerun-if-changed={JS_GUEST_DIR}/{input}");
    }
    if let Some(path) = env::var_os("CANDOR_JS_MODULE") {
        return PathBuf::from(path);
    }

    let mut hasher = Sha256::new();
    hasher.update(format!("{QUICKJS_CRATE} {QUICKJS_CRATE_VERSION}\n"));
    for input in &inputs {
        let path = guest.join(input);
        let bytes = fs::read(&path)
            .unwrap_or_else(|e| js_fail(&format!("reading {}: {e}", path.display())));
        hasher.update(input.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    let key: String = hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = out_dir.join("javascript-runtime");
    let module = dir.join(format!("runner-{key}.wasm"));
    if module.is_file() {
        return module;
    }

    let sources = quickjs_sources(&manifest_dir);
    let python = env::var("CANDOR_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let status = Command::new(&python)
        .arg(guest.join("build.py"))
        .arg("--quickjs-src")
        .arg(&sources)
        .arg("--venv")
        .arg(dir.join("zig-venv"))
        .arg("--out")
        .arg(&module)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .status();
    match status {
        Ok(s) if s.success() => module,
        Ok(s) => js_fail(&format!("runtimes/javascript/build.py exited with {s}")),
        Err(e) => js_fail(&format!(
            "running {python} (python3 with venv and pip is a prerequisite): {e}"
        )),
    }
}

/// The `zig` executable of the pinned ziglang that built the module, when
/// this build installed it (not when `CANDOR_JS_MODULE` named a prebuilt one).
pub fn zig(out_dir: &Path) -> Option<PathBuf> {
    if env::var_os("CANDOR_JS_MODULE").is_some() {
        return None;
    }
    let lib = out_dir
        .join("javascript-runtime")
        .join("zig-venv")
        .join("lib");
    fs::read_dir(lib)
        .ok()?
        .flatten()
        .map(|python| python.path().join("site-packages/ziglang/zig"))
        .find(|zig| zig.is_file())
}

/// The `quickjs` folder of the pinned rquickjs-sys, downloaded by `cargo metadata`.
fn quickjs_sources(manifest_dir: &Path) -> PathBuf {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(&cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(manifest_dir.join("Cargo.toml"))
        .output()
        .unwrap_or_else(|e| js_fail(&format!("running cargo metadata: {e}")));
    if !output.status.success() {
        js_fail(&format!(
            "cargo metadata failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| js_fail(&format!("reading cargo metadata: {e}")));
    let manifest = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == QUICKJS_CRATE && p["version"] == QUICKJS_CRATE_VERSION)
        .and_then(|p| p["manifest_path"].as_str())
        .unwrap_or_else(|| {
            js_fail(&format!(
                "cargo metadata does not list {QUICKJS_CRATE} {QUICKJS_CRATE_VERSION}; \
                 is it declared in Cargo.toml?"
            ))
        });
    let sources = Path::new(manifest)
        .parent()
        .expect("a manifest path has a parent")
        .join("quickjs");
    if !sources.join("quickjs.c").is_file() {
        js_fail(&format!("{} does not hold quickjs.c", sources.display()));
    }
    sources
}

fn js_fail(message: &str) -> ! {
    super::fail_with(
        message,
        "set CANDOR_JS_MODULE to a prebuilt JavaScript runtime module to build offline",
    )
}
