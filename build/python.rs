//! The Python runtime's build: CPython 3.14 as a WebAssembly component,
//! built by componentize-py from the guest harness in `runtimes/python`. On a
//! fresh machine it creates a virtual environment with python3, installs the
//! pinned componentize-py from the package index with pip, and builds the
//! component into `OUT_DIR` (keeping the host's packages, randomness, clocks
//! and file times out of its pre-initialisation: `python/reproducible.rs`),
//! then folds the pre-initialised globals of its CPython library into
//! constants and runs Binaryen's `wasm-opt` over that library
//! (`python/optimize.rs`). `CANDOR_PYTHON_COMPONENT` names a component built
//! beforehand and skips all of that (offline builds).

#[path = "python/devirtualize.rs"]
mod devirtualize;
#[path = "python/optimize.rs"]
mod optimize;
#[path = "python/reproducible.rs"]
mod reproducible;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const COMPONENTIZE_PY: &str = "componentize-py==0.25.1";
/// The time-zone database `zoneinfo` reads when the system has none (the
/// sandbox has none): pure data, kept in the Python guest's snapshot.
const TZDATA: &str = "tzdata==2026.6";
const PYTHON_GUEST_DIR: &str = "runtimes/python";
const PYTHON_WORLD: &str = "guest";

/// The Python component to embed: `CANDOR_PYTHON_COMPONENT`, or one built
/// and optimised in `out_dir`.
pub(crate) fn provision(out_dir: &Path) -> PathBuf {
    println!("cargo:rerun-if-env-changed=CANDOR_PYTHON_COMPONENT");
    println!("cargo:rerun-if-env-changed=CANDOR_PYTHON");
    for entry in fs::read_dir(PYTHON_GUEST_DIR).expect("runtimes/python exists") {
        let path = entry.expect("readable runtimes/python").path();
        // the harness's modules and the tables they read at build time
        if path.extension().is_some_and(|e| e == "py" || e == "txt") {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    println!("cargo:rerun-if-changed={PYTHON_GUEST_DIR}/wit/world.wit");
    match env::var_os("CANDOR_PYTHON_COMPONENT") {
        Some(path) => PathBuf::from(path),
        None => optimize::optimize_python_component(out_dir, &build_python_component(out_dir)),
    }
}

fn build_python_component(out_dir: &Path) -> PathBuf {
    let venv = out_dir.join("componentize-venv");
    let tool = venv.join("bin").join("componentize-py");
    if !tool.exists() {
        let python = env::var("CANDOR_PYTHON").unwrap_or_else(|_| "python3".to_string());
        run(
            Command::new(&python).args(["-m", "venv"]).arg(&venv),
            &format!(
                "creating a virtual environment with {python} (python3 with venv and pip is a prerequisite)"
            ),
        );
        run(
            Command::new(venv.join("bin").join("pip")).args([
                "install",
                "--quiet",
                "--disable-pip-version-check",
                COMPONENTIZE_PY,
            ]),
            &format!("installing {COMPONENTIZE_PY} with pip"),
        );
    }
    // packages the guest snapshot takes in besides the standard library
    let vendor = out_dir.join(format!("python-vendor-{}", TZDATA.replace("==", "-")));
    if !vendor.join("tzdata").join("__init__.py").exists() {
        let _ = fs::remove_dir_all(&vendor);
        run(
            Command::new(venv.join("bin").join("pip"))
                .args([
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "--no-deps",
                ])
                .arg("--target")
                .arg(&vendor)
                .arg(TZDATA),
            &format!("installing {TZDATA} with pip"),
        );
    }
    let guest = Path::new(PYTHON_GUEST_DIR)
        .canonicalize()
        .unwrap_or_else(|e| fail(&format!("finding {PYTHON_GUEST_DIR}: {e}")));
    // the guest writes bytecode caches next to the sources while componentize-py
    // pre-initialises it; build from a copy
    let staging = out_dir.join("python-guest");
    let _ = fs::remove_dir_all(&staging);
    copy_dir(&guest, &staging);
    let output = out_dir.join("python-built.wasm");
    let mut command = Command::new(&tool);
    command
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(&staging)
        .args(["--quiet", "-d", "wit", "-w", PYTHON_WORLD])
        .args(["componentize", "app", "-p", ".", "-p"])
        .arg(&vendor)
        .arg("-o")
        .arg(&output);
    reproducible::pin_componentize(&mut command, out_dir);
    run(
        &mut command,
        "building the Python component with componentize-py",
    );
    output
}

/// Copies `from` into `to`, in name order (the order a directory listing
/// returns can follow creation order, and the guest lists its sources).
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| fail(&format!("creating {}: {e}", to.display())));
    let mut entries: Vec<_> = fs::read_dir(from)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", from.display())))
        .map(|entry| entry.unwrap_or_else(|e| fail(&format!("{}: {e}", from.display()))))
        .collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if name == "__pycache__" {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &to.join(&name));
        } else {
            fs::copy(&path, to.join(&name))
                .unwrap_or_else(|e| fail(&format!("copying {}: {e}", path.display())));
        }
    }
}

/// Ends the build, saying how to build offline.
fn fail(message: &str) -> ! {
    super::fail_with(
        message,
        "set CANDOR_PYTHON_COMPONENT to a prebuilt component to build offline",
    )
}

fn run(command: &mut Command, what: &str) {
    super::run(command, what, fail)
}
