//! Hardening of what candor keeps on the host between runs: the compiled-runtime
//! cache (corrupt, linked, unusable or shared directories), the runs'
//! temporary directories after an abort or a signal, and a test build that
//! compiles wasmtime with the same features as the normal one.
//!
//! Every test that damages a cache uses a cache directory of its own; the
//! runtimes are compiled once into a shared "good" directory and copied.

mod common;

use common::{Run, assert_contains, candor_in, scratch};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const HELLO_PY: &str = "print('hello')\n";
const HELLO_JS: &str = "console.log('hello');\n";

/// A cache directory holding a good compiled runtime of `language`, made
/// once per test process.
fn good_cache(language: &str) -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    static JAVASCRIPT: OnceLock<PathBuf> = OnceLock::new();
    let (slot, name, code) = match language {
        "python" => (&PYTHON, "hello.py", HELLO_PY),
        _ => (&JAVASCRIPT, "hello.js", HELLO_JS),
    };
    slot.get_or_init(|| {
        let dir = scratch().keep();
        fs::write(dir.join(name), code).unwrap();
        let cache = dir.join("cache");
        let run = candor_in(
            &dir,
            &["run", name],
            &[("CANDOR_CACHE_DIR", cache.to_str().unwrap())],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        cache
    })
}

/// The stem (`<runtime>-<code hash>-<engine hash>`) of the entry in `cache`.
fn stem(cache: &Path, language: &str) -> String {
    let mut stems: Vec<String> = fs::read_dir(cache)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".cwasm").map(str::to_string))
        .filter(|n| n.starts_with(&format!("{language}-")))
        .collect();
    assert_eq!(stems.len(), 1, "{stems:?}");
    stems.pop().unwrap()
}

/// A fresh directory with `hello.<ext>` and a copy of the good cache of
/// `language` in `cache/`; returns it and the entry's stem.
fn copy_of_good_cache(language: &str) -> (tempfile::TempDir, String) {
    let good = good_cache(language);
    let stem = stem(good, language);
    let dir = scratch();
    let cache = dir.path().join("cache");
    fs::create_dir(&cache).unwrap();
    for extension in ["cwasm", "sum"] {
        let name = format!("{stem}.{extension}");
        fs::copy(good.join(&name), cache.join(&name)).unwrap();
    }
    fs::write(dir.path().join("hello.py"), HELLO_PY).unwrap();
    fs::write(dir.path().join("hello.js"), HELLO_JS).unwrap();
    (dir, stem)
}

/// `candor run FILE` with `cache` as the cache directory.
fn run_with_cache(dir: &Path, file: &str, cache: &Path) -> Run {
    candor_in(
        dir,
        &["run", file, "--format", "json"],
        &[("CANDOR_CACHE_DIR", cache.to_str().unwrap())],
    )
}

#[track_caller]
fn assert_hello(run: &Run) {
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "completed", "{report}");
    assert_eq!(report["stdout"], "hello\n", "{report}");
}

fn compiled(run: &Run, language: &str) -> bool {
    run.stderr
        .contains(&format!("compiling the {language} runtime once"))
}

#[test]
fn a_corrupt_python_runtime_with_its_old_times_is_recompiled_not_run() {
    let (dir, stem) = copy_of_good_cache("python");
    let cache = dir.path().join("cache");
    let code = cache.join(format!("{stem}.cwasm"));
    // bytes overwritten in place in the code section; same length, and the
    // modification time put back: only the change time tells
    let modified = fs::metadata(&code).unwrap().modified().unwrap();
    let mut bytes = fs::read(&code).unwrap();
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..middle + 4096] {
        *byte = 0xcc;
    }
    fs::write(&code, &bytes).unwrap();
    fs::File::options()
        .write(true)
        .open(&code)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let run = run_with_cache(dir.path(), "hello.py", &cache);
    assert_hello(&run);
    assert!(compiled(&run, "python"), "{}", run.stderr);
    // the entry is good again: the next run loads it
    let again = run_with_cache(dir.path(), "hello.py", &cache);
    assert_hello(&again);
    assert!(!compiled(&again, "python"), "{}", again.stderr);
    assert_eq!(
        fs::read(&code).unwrap().len(),
        fs::read(good_cache("python").join(format!("{stem}.cwasm")))
            .unwrap()
            .len()
    );
}

#[test]
fn truncated_garbage_or_unchecked_javascript_runtimes_are_recompiled() {
    type Damage = fn(&Path, &Path);
    let damages: [(&str, Damage); 4] = [
        ("truncated", |code, _| {
            let len = fs::metadata(code).unwrap().len();
            fs::File::options()
                .write(true)
                .open(code)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }),
        ("garbage of the same length", |code, _| {
            let len = fs::metadata(code).unwrap().len() as usize;
            fs::write(code, vec![0x90; len]).unwrap();
        }),
        ("no checksum", |_, sum| fs::remove_file(sum).unwrap()),
        ("a malformed checksum", |_, sum| {
            fs::write(sum, "candor-cwasm-sum/1 len=1 xxh3-128=zz\n").unwrap()
        }),
    ];
    for (what, damage) in damages {
        let (dir, stem) = copy_of_good_cache("javascript");
        let cache = dir.path().join("cache");
        damage(
            &cache.join(format!("{stem}.cwasm")),
            &cache.join(format!("{stem}.sum")),
        );
        let run = run_with_cache(dir.path(), "hello.js", &cache);
        assert_hello(&run);
        assert!(compiled(&run, "javascript"), "{what}: {}", run.stderr);
        let again = run_with_cache(dir.path(), "hello.js", &cache);
        assert_hello(&again);
        assert!(!compiled(&again, "javascript"), "{what}: {}", again.stderr);
    }
}

#[cfg(unix)]
#[test]
fn cache_files_that_are_symlinks_are_never_followed() {
    let (dir, stem) = copy_of_good_cache("javascript");
    let cache = dir.path().join("cache");
    let precious = dir.path().join("precious.txt");
    fs::write(&precious, "keep me").unwrap();
    // the lock is a link to a file of the user's; the entry, a link to a good
    // compiled runtime elsewhere (whose checksum is beside the link)
    let code = cache.join(format!("{stem}.cwasm"));
    let elsewhere = dir.path().join("elsewhere.cwasm");
    fs::rename(&code, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &code).unwrap();
    let lock = cache.join(format!("{stem}.lock"));
    std::os::unix::fs::symlink(&precious, &lock).unwrap();
    let elsewhere_bytes = fs::read(&elsewhere).unwrap();

    let run = run_with_cache(dir.path(), "hello.js", &cache);
    assert_hello(&run);
    assert!(compiled(&run, "javascript"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&precious).unwrap(), "keep me");
    assert_eq!(fs::read(&elsewhere).unwrap(), elsewhere_bytes);
    for path in [&code, &lock] {
        let kind = fs::symlink_metadata(path).unwrap().file_type();
        assert!(kind.is_file(), "{} is {kind:?}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_runtime_does_not_block() {
    let (dir, stem) = copy_of_good_cache("javascript");
    let cache = dir.path().join("cache");
    let code = cache.join(format!("{stem}.cwasm"));
    fs::remove_file(&code).unwrap();
    let path = std::ffi::CString::new(code.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    let run = run_with_cache(dir.path(), "hello.js", &cache);
    assert_hello(&run);
    assert!(fs::symlink_metadata(&code).unwrap().is_file());
}

#[test]
fn an_unusable_cache_dir_compiles_in_memory_with_one_warning() {
    let dir = scratch();
    fs::write(dir.path().join("hello.js"), HELLO_JS).unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "not a directory").unwrap();
    // a path below a file cannot be created; /proc takes no new files, even from root
    for cache in [file.join("cache"), PathBuf::from("/proc")] {
        let run = run_with_cache(dir.path(), "hello.js", &cache);
        assert_hello(&run);
        let warnings: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("candor: warning: "))
            .collect();
        assert_eq!(warnings.len(), 1, "{}", run.stderr);
        assert_contains(warnings[0], "cannot use the compile cache (");
        assert_contains(
            warnings[0],
            "compiling the javascript runtime in memory, for this process only",
        );
        assert!(!compiled(&run, "javascript"), "{}", run.stderr);
    }
}

#[test]
fn the_library_reports_an_unusable_cache_through_its_warning_callback() {
    let dir = scratch();
    let file = dir.path().join("a-file");
    fs::write(&file, "not a directory").unwrap();
    let warnings = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen = std::sync::Arc::clone(&warnings);
    let sandbox = candor::Sandbox::builder()
        .cache_dir(file.join("cache"))
        .preload(&[candor::Language::JavaScript])
        .on_warning(move |message| seen.lock().unwrap().push(message.to_string()))
        .build()
        .expect("an unusable cache is not an error");
    let report = sandbox
        .run_blocking(&candor::Snippet::javascript(HELLO_JS))
        .unwrap();
    assert_eq!(report.stdout, "hello\n");
    let warnings = warnings.lock().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_contains(&warnings[0], "Not a directory");
}

/// Copies the good JavaScript entry under another build's stem, used `age` ago.
fn other_build(cache: &Path, stem: &str, code_hash: &str, age: Duration) -> String {
    let other = {
        let mut parts: Vec<&str> = stem.split('-').collect();
        parts[1] = code_hash;
        parts.join("-")
    };
    for extension in ["cwasm", "sum"] {
        let path = cache.join(format!("{other}.{extension}"));
        fs::copy(cache.join(format!("{stem}.{extension}")), &path).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - age)
            .unwrap();
    }
    other
}

#[test]
fn builds_sharing_a_cache_keep_their_entries_up_to_a_bound() {
    let (dir, stem) = copy_of_good_cache("javascript");
    let cache = dir.path().join("cache");
    let hour = Duration::from_secs(3600);
    let others: Vec<String> = (1..=5)
        .map(|i| other_build(&cache, &stem, &format!("{i:016x}"), hour * i))
        .collect();
    let entries = || {
        let mut names: Vec<String> = fs::read_dir(&cache)
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".cwasm").map(str::to_string))
            .collect();
        names.sort();
        names
    };
    // a process still using the oldest entry holds it
    let held = fs::File::open(cache.join(format!("{}.cwasm", others[4]))).unwrap();
    held.lock_shared().unwrap();
    // this build's entry is compiled again (another build replaced it, say)
    fs::remove_file(cache.join(format!("{stem}.cwasm"))).unwrap();
    let run = run_with_cache(dir.path(), "hello.js", &cache);
    assert_hello(&run);
    assert!(compiled(&run, "javascript"), "{}", run.stderr);
    // this build's and the three most recently used others stay; of the two
    // oldest, the one a process holds stays too
    let mut expected = vec![stem.clone(), others[0].clone(), others[1].clone()];
    expected.extend([others[2].clone(), others[4].clone()]);
    expected.sort();
    assert_eq!(entries(), expected);
    // a later build of the same code leaves the other builds' entries alone
    drop(held);
    let again = run_with_cache(dir.path(), "hello.js", &cache);
    assert_hello(&again);
    assert_eq!(entries(), expected);
}

// ---- temporary directories ----

/// Starts `candor run sleep.py` with `tmp` as `$TMPDIR`; returns it once the
/// run's scratch directory exists.
fn start_sleeping_run(dir: &Path, tmp: &Path) -> Child {
    fs::write(dir.join("sleep.py"), "import time\ntime.sleep(60)\n").unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["run", "sleep.py", "--timeout", "90s"])
        .current_dir(dir)
        .env("TMPDIR", tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while scratch_dirs(tmp).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no scratch directory appeared in {}",
            tmp.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

/// The runs' directories under the per-process directories in `tmp`.
fn scratch_dirs(tmp: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for parent in fs::read_dir(tmp).unwrap().flatten() {
        if let Ok(runs) = fs::read_dir(parent.path()) {
            found.extend(runs.flatten().map(|e| e.path()).filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("candor-scratch-")
            }));
        }
    }
    found
}

fn entries_of(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn hello_with_tmp(dir: &Path, tmp: &Path) -> Run {
    fs::write(dir.join("hello.py"), HELLO_PY).unwrap();
    candor_in(
        dir,
        &["run", "hello.py", "--format", "json"],
        &[("TMPDIR", tmp.to_str().unwrap())],
    )
}

#[test]
fn a_normal_run_leaves_nothing_in_tmpdir() {
    let dir = scratch();
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    assert_hello(&hello_with_tmp(dir.path(), &tmp));
    assert_eq!(entries_of(&tmp), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn the_next_run_removes_what_a_killed_run_left_and_spares_live_ones() {
    let dir = scratch();
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let mut child = start_sleeping_run(dir.path(), &tmp);
    child.kill().unwrap();
    child.wait().unwrap();
    let left = scratch_dirs(&tmp);
    assert_eq!(left.len(), 1, "SIGKILL leaves the run's directory behind");
    // a live process's directory, whose lock this test holds
    let live = tmp.join("candor-1-live");
    fs::create_dir_all(live.join("candor-scratch-x")).unwrap();
    let lock = fs::File::create(live.join("lock")).unwrap();
    lock.lock().unwrap();
    // and something that only looks like one
    fs::create_dir(tmp.join("candor-scratch-notours")).unwrap();

    assert_hello(&hello_with_tmp(dir.path(), &tmp));
    assert!(!left[0].exists());
    assert_eq!(
        entries_of(&tmp),
        ["candor-1-live", "candor-scratch-notours"]
    );
    assert!(live.join("candor-scratch-x").is_dir());
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_end_a_run_with_130_and_143_and_clean_up() {
    for (signal, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let dir = scratch();
        let tmp = dir.path().join("tmp");
        fs::create_dir(&tmp).unwrap();
        let child = start_sleeping_run(dir.path(), &tmp);
        let pid = i32::try_from(child.id()).unwrap();
        // SAFETY: sends a signal to the child this test started and still owns.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(code),
            "signal {signal}: {output:?}"
        );
        assert_eq!(entries_of(&tmp), Vec::<String>::new(), "signal {signal}");
    }
}

// ---- build ----

/// Every package's features in the dependency graph of `edges`.
fn resolved_features(edges: &str) -> std::collections::BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "--prefix",
            "none",
            "-f",
            "{p} {f}",
            "-e",
            edges,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| l.trim_end_matches(" (*)").to_string())
        .collect()
}

#[test]
fn a_test_build_compiles_wasmtime_with_the_features_of_the_normal_build() {
    let normal = resolved_features("normal");
    let with_tests = resolved_features("normal,dev");
    // dev-dependencies may add packages, never features to a package the
    // library's build has (that would compile it, and all above it, again)
    let changed: Vec<&String> = with_tests
        .difference(&normal)
        .filter(|line| {
            let package = line.split(' ').take(2).collect::<Vec<_>>().join(" ");
            normal.iter().any(|n| n.starts_with(&format!("{package} ")))
        })
        .collect();
    assert!(
        changed.is_empty(),
        "the test build changes the features of {changed:?}"
    );
}
