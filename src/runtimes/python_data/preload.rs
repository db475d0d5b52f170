//! The python-data runtime with numpy and pandas already imported: made once
//! per install by running [`PRELOAD`] in the package's interpreter and
//! writing the interpreter's state out as a new module
//! (`sandbox::preinit`). A run then starts where the import ended instead
//! of paying for it (~2 s and ~4 G fuel).
//!
//! What a snapshot fixes for every run, and how the harness undoes it: the
//! seeds of `random` and of numpy's global generator (re-seeded per run, or
//! seeded with 0 under `--deterministic`), `os.environ` (set from the
//! request), the working directory (set per run). The directories the guest
//! is given are forgotten before the snapshot (`__wasilibc_reset_preopens`),
//! so a run finds its own mounts. Python's string-hash seed stays the one the
//! package's own snapshot fixed.

use super::install::Installed;
use super::{BASE_ENV, LIB_AT, MPL_DATA_AT, SCRATCH_AT, WASM_SHA256};
use crate::error::{Error, Result};
use crate::sandbox::Limits;
use crate::sandbox::execution::{Invocation, ReactorLayout};
use crate::sandbox::guest::{Determinism, GuestState};
use crate::sandbox::preinit::{Preinit, preinitialize};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use wasmtime_wasi::p1::WasiP1Ctx;

/// The code run before the snapshot: the harness's standard-library imports,
/// numpy and pandas, and a first use of pandas' common paths, which import
/// more of it lazily (group-by, merge, formatting, CSV, coercion, dates).
pub(super) const PRELOAD: &str = "\
import ast, atexit, copy, dis, functools, gc, io, json, linecache, operator
import random, re, reprlib, sys, tokenize, traceback, types
import numpy, pandas
_f = pandas.DataFrame({'k': ['a', 'b', 'a'], 'v': [1.0, 2.0, 3.0], 'n': [1, 2, 3]})
_ = _f.groupby('k')['v'].sum().to_dict()
_ = _f.merge(_f, on='k', how='left').describe().to_string()
_ = repr(_f) + str(_f['v']) + repr(numpy.arange(3) * 2.0)
_ = pandas.read_csv(io.StringIO('a,b\\n1,x\\n')).to_csv()
_ = pandas.to_numeric(pandas.Series(['1', 'x']), errors='coerce').fillna(0).tolist()
_ = pandas.to_datetime(pandas.Series(['2024-01-02'])).dt.year.tolist()
_ = _f.sort_values('v').pivot_table(index='k', values='v', aggfunc='mean')
del _f, _
gc.collect()
sys.stdout.flush()
sys.stderr.flush()
";

/// Bumped when what a snapshot holds changes for another reason than
/// [`PRELOAD`] or the package.
const FORMAT: u32 = 1;

/// The hash that names a snapshot (of the package, [`PRELOAD`] and
/// [`FORMAT`]): 64 hex digits.
pub(super) fn tag() -> String {
    let mut hasher = Sha256::new();
    hasher.update(WASM_SHA256.as_bytes());
    hasher.update([0]);
    hasher.update(PRELOAD.as_bytes());
    hasher.update(FORMAT.to_le_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where an installed version keeps its snapshot.
pub(super) fn path(installed: &Installed) -> PathBuf {
    installed.dir.join(format!("pandas-{}.wasm", &tag()[..16]))
}

/// The snapshot of `installed`, made first if it is not there (a compile at
/// Cranelift's quickest setting and a ~10 s run: ~1-3 min). A lock keeps
/// two processes from making it at once.
pub(super) fn ensure(installed: &Installed) -> Result<PathBuf> {
    let target = path(installed);
    if target.is_file() {
        return Ok(target);
    }
    let io = |what: &str, path: &Path, e: std::io::Error| {
        Error::Io(format!("{what} {}: {e}", path.display()))
    };
    let lock_path = target.with_extension("lock");
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| io("opening", &lock_path, e))?;
    lock.lock().map_err(|e| io("locking", &lock_path, e))?;
    if target.is_file() {
        return Ok(target);
    }
    let wasm = super::install::read(&installed.wasm())?;
    let snapshot = make(installed, &wasm)?;
    let work = tempfile::NamedTempFile::new_in(&installed.dir)
        .map_err(|e| io("creating a file in", &installed.dir, e))?;
    fs::write(work.path(), &snapshot).map_err(|e| io("writing", work.path(), e))?;
    // readable like the package's own files (a temporary file is the owner's alone)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(work.path(), fs::Permissions::from_mode(0o644))
            .map_err(|e| io("setting the permissions of", work.path(), e))?;
    }
    work.persist(&target)
        .map_err(|e| io("writing", &target, e.error))?;
    Ok(target)
}

/// Runs [`PRELOAD`] in `wasm` and returns the pre-initialised module.
fn make(installed: &Installed, wasm: &[u8]) -> Result<Vec<u8>> {
    let code = PRELOAD.as_bytes();
    let env: Vec<(String, String)> = BASE_ENV
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut read_only = vec![(installed.lib(), LIB_AT.to_string())];
    if let Some(data) = installed.mpl_data() {
        read_only.push((data, MPL_DATA_AT.to_string()));
    }
    let call = Invocation {
        args: &[],
        env: &env,
        stdin: &[],
        determinism: Determinism::FIXED,
        read_only: &read_only,
    };
    let layout = ReactorLayout {
        scratch_at: SCRATCH_AT,
        scratch_dirs: &["home"],
        code,
    };
    let limits = Limits {
        fuel: 500_000_000_000,
        timeout: std::time::Duration::from_secs(600),
        memory: 2 << 30,
        ..Limits::default()
    };
    let preinit = Preinit {
        wasm,
        call: &call,
        layout: &layout,
        limits: &limits,
        after: &["__wasilibc_reset_preopens"],
    };
    preinitialize(&preinit, define_no_host)
}

/// The package's `host.call` import, answering that there is no host.
fn define_no_host(linker: &mut wasmtime::Linker<GuestState<WasiP1Ctx>>) -> wasmtime::Result<()> {
    linker
        .func_wrap("host", "call", |_: i32, _: i32, _: i32, _: i32| -> i32 {
            super::DOOR_NO_HOST
        })
        .map(drop)
}
