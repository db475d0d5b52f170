//! Keeps the Python guest's pre-initialisation from reading the building host
//! (included by `build.rs` with `#[path]`).
//!
//! componentize-py pre-initialises CPython and keeps its whole linear memory,
//! so anything the guest read from the host at that moment ends up in the
//! component's bytes. This module pins what can be pinned from outside
//! componentize-py 0.25.1, which offers no option for it:
//!
//! - the host's Python packages: componentize-py appends a site-packages
//!   directory to the guest's path (from `VIRTUAL_ENV`, else `pipenv`, else the
//!   host `python3`'s `site` module) and the guest lists it while it imports.
//!   `VIRTUAL_ENV` is pointed at an empty one in `OUT_DIR`.
//! - randomness, the wall clock and file timestamps: on Linux with glibc,
//!   `preinit_shim.c` is compiled and preloaded into componentize-py (see that
//!   file). `CANDOR_BUILD_EPOCH`, the time the guest sees, is
//!   `SOURCE_DATE_EPOCH` when set, else 2024-01-01T00:00:00Z.
//!
//! What remains host-dependent is listed in README ("Reproducible runtimes").

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The shim's source, relative to the package root.
const SHIM_SOURCE: &str = "build/python/preinit_shim.c";
/// The guest's wall clock and file times without `SOURCE_DATE_EPOCH`:
/// 2024-01-01T00:00:00Z, as in the sandbox's `--deterministic` clock.
const DEFAULT_EPOCH: u64 = 1_704_067_200;

/// Sets up `command` (a componentize-py invocation) so that the guest it
/// pre-initialises reads the same things on every build.
pub fn pin_componentize(command: &mut Command, out_dir: &Path) {
    println!("cargo:rerun-if-changed={SHIM_SOURCE}");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");

    let site_env = out_dir.join("guest-site-env");
    let site_packages = site_env.join("lib").join("site-packages");
    let _ = fs::remove_dir_all(&site_env);
    fs::create_dir_all(&site_packages)
        .unwrap_or_else(|e| super::fail(&format!("creating {}: {e}", site_packages.display())));
    command.env("VIRTUAL_ENV", &site_env);

    let epoch = env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or(DEFAULT_EPOCH);
    command.env("CANDOR_BUILD_EPOCH", epoch.to_string());
    if let Some(shim) = build_shim(out_dir) {
        let preload = match env::var_os("LD_PRELOAD") {
            Some(others) if !others.is_empty() => {
                let mut all = shim.into_os_string();
                all.push(" ");
                all.push(others);
                all
            }
            _ => shim.into_os_string(),
        };
        command.env("LD_PRELOAD", preload);
    }
}

/// Compiles `preinit_shim.c` into `OUT_DIR`; `None` where it does not apply
/// (not Linux with glibc) or does not compile, with a warning for the latter.
fn build_shim(out_dir: &Path) -> Option<PathBuf> {
    // a build script is compiled for the host, so this is the host's platform
    if !cfg!(all(target_os = "linux", target_env = "gnu")) {
        return None;
    }
    let host = env::var("HOST").expect("cargo sets HOST");
    let compiler = match cc::Build::new()
        .cargo_metadata(false)
        .cargo_warnings(false)
        .target(&host)
        .host(&host)
        .opt_level(2)
        .debug(false)
        .try_get_compiler()
    {
        Ok(compiler) => compiler,
        Err(e) => return shim_unavailable(&format!("no C compiler: {e}")),
    };
    let library = out_dir.join("libcandor_preinit_shim.so");
    let output = compiler
        .to_command()
        .args(["-shared", "-fPIC", "-o"])
        .arg(&library)
        .arg(SHIM_SOURCE)
        .arg("-ldl")
        .output();
    match output {
        Ok(output) if output.status.success() => Some(library),
        Ok(output) => shim_unavailable(&format!(
            "compiling {SHIM_SOURCE} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )),
        Err(e) => shim_unavailable(&format!("running the C compiler: {e}")),
    }
}

fn shim_unavailable(why: &str) -> Option<PathBuf> {
    let why = why.replace('\n', " ");
    println!("cargo:warning=the Python runtime's build is not reproducible on this machine: {why}");
    None
}
