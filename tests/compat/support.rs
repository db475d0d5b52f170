//! The compatibility harness's pieces: finding the programs and the native
//! interpreters, running each side in a fresh directory, and comparing them.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;

/// How long a native run may take before it is killed.
const NATIVE_TIMEOUT: Duration = Duration::from_secs(60);

/// The lines at the top of a program searched for a `candor-args:` comment.
const ARGS_LINES: usize = 5;

/// Which native interpreter a program is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Language {
    Python,
    JavaScript,
}

/// One program of the corpus.
#[derive(Clone, Debug)]
pub struct Program {
    /// Path below `tests/compat`, with `/` separators (`python/json_roundtrip.py`).
    pub name: String,
    pub path: PathBuf,
    pub language: Language,
}

/// The directory a `mount_*` program reads as `data/`: copied next to the
/// program for the native run, mounted read-only at `/data` for candor's (whose
/// working directory is `/`, so `data/...` names the same files in both).
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compat/data")
}

/// Copies the files of `from` into a new directory `to`.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        std::fs::copy(entry.path(), to.join(entry.file_name()))
            .map_err(|e| format!("copying {}: {e}", entry.path().display()))?;
    }
    Ok(())
}

impl Program {
    /// Whether the program reads `data/` (its name starts with `mount_`).
    fn reads_data(&self) -> bool {
        self.file_name().starts_with("mount_")
    }

    fn file_name(&self) -> String {
        self.path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    }
}

/// Every program under `dir/python` and `dir/js`, sorted by name.
pub fn programs(dir: &Path) -> Vec<Program> {
    let mut found = Vec::new();
    for (folder, language, extensions) in [
        ("python", Language::Python, &["py"][..]),
        ("js", Language::JavaScript, &["js", "mjs", "ts"][..]),
    ] {
        let entries = std::fs::read_dir(dir.join(folder))
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.join(folder).display()));
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            let wanted = path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x));
            if wanted && path.is_file() {
                let file = path.file_name().unwrap().to_string_lossy();
                found.push(Program {
                    name: format!("{folder}/{file}"),
                    path,
                    language,
                });
            }
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// Extra `candor run` arguments from a `# candor-args: ...` or `// candor-args: ...`
/// comment in the first five lines.
pub fn candor_args(source: &str) -> Vec<String> {
    source
        .lines()
        .take(ARGS_LINES)
        .find_map(|line| {
            let line = line.trim_start();
            let rest = line.strip_prefix('#').or_else(|| line.strip_prefix("//"))?;
            rest.trim_start().strip_prefix("candor-args:")
        })
        .map(|args| args.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The last non-blank line of `stderr`, trailing blanks removed.
///
/// For JavaScript, stack frames (`    at ...`), node's `Node.js vX` trailer and the
/// `Uncaught ` / `Uncaught (in promise) ` prefix that QuickJS puts before an
/// uncaught error are dropped first, so that both engines end on the error itself.
pub fn last_line(stderr: &str, language: Language) -> String {
    let js = language == Language::JavaScript;
    let line = stderr
        .lines()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .find(|l| !js || !(l.trim_start().starts_with("at ") || is_node_trailer(l)))
        .unwrap_or("")
        .trim_end();
    if js {
        for prefix in ["Uncaught (in promise) ", "Uncaught "] {
            if let Some(rest) = line.strip_prefix(prefix) {
                return rest.to_string();
            }
        }
    }
    line.to_string()
}

fn is_node_trailer(line: &str) -> bool {
    line.strip_prefix("Node.js v")
        .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
}

/// What a run showed: the three things the harness compares, and a note that is
/// only shown (candor's outcome and reason, a native timeout).
#[derive(Debug)]
pub struct Outcome {
    pub stdout: String,
    pub stderr_last_line: String,
    /// None when the run was stopped (a limit, a native timeout).
    pub exit_code: Option<i32>,
    pub note: String,
    /// candor's findings at warning or error level, as `kind line` (empty natively).
    pub findings: Vec<String>,
}

impl PartialEq for Outcome {
    fn eq(&self, other: &Self) -> bool {
        (&self.stdout, &self.stderr_last_line, self.exit_code)
            == (&other.stdout, &other.stderr_last_line, other.exit_code)
    }
}

/// A compact account of how two outcomes differ.
pub fn explain(native: &Outcome, candor: &Outcome) -> String {
    let mut out = Vec::new();
    let mut row = |label: &str, native: String, candor: String| {
        out.push(format!("    {label:<17} native {native}"));
        out.push(format!("    {:<17} candor {candor}", ""));
    };
    if native.exit_code != candor.exit_code {
        let code = |c: Option<i32>| c.map_or("none (stopped)".to_string(), |c| c.to_string());
        row("exit code", code(native.exit_code), code(candor.exit_code));
    }
    if native.stderr_last_line != candor.stderr_last_line {
        let quoted = |s: &str| format!("{:?}", clip(s));
        row(
            "stderr last line",
            quoted(&native.stderr_last_line),
            quoted(&candor.stderr_last_line),
        );
    }
    if native.stdout != candor.stdout {
        let a: Vec<&str> = native.stdout.split_inclusive('\n').collect();
        let b: Vec<&str> = candor.stdout.split_inclusive('\n').collect();
        let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let line = |v: &[&str]| {
            v.get(at)
                .map_or("<end of output>".to_string(), |l| format!("{:?}", clip(l)))
        };
        row(&format!("stdout line {}", at + 1), line(&a), line(&b));
        let size = |v: &[&str], s: &str| format!("{} lines, {} bytes", v.len(), s.len());
        row(
            "stdout size",
            size(&a, &native.stdout),
            size(&b, &candor.stdout),
        );
    }
    for (side, note) in [("native", &native.note), ("candor", &candor.note)] {
        if !note.is_empty() {
            out.push(format!("    {side} run: {note}"));
        }
    }
    out.join("\n")
}

fn clip(s: &str) -> String {
    const MAX: usize = 160;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_string(),
    }
}

/// A native interpreter, or why there is none.
pub enum Native {
    /// The executable and how it was chosen ("Python 3.13 (python3.13)").
    Found { exe: PathBuf, label: String },
    /// `CANDOR_COMPAT_SKIP_NATIVE=1` and none was found: this language is not compared.
    Skipped { what: String },
}

/// The CPython 3.12 and 3.13 interpreters installed with pyenv, found in its
/// root (`$PYENV_ROOT`, else `~/.pyenv`) whichever version is the active one:
/// pyenv's `python3.13` shim on PATH runs only when 3.13 is active.
fn pyenv_pythons() -> Vec<String> {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pyenv")));
    let Some(Ok(versions)) = root.map(|r| std::fs::read_dir(r.join("versions"))) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in versions.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        for minor in ["3.13", "3.12"] {
            let exe = entry.path().join("bin").join(format!("python{minor}"));
            if name.starts_with(&format!("{minor}.")) && exe.is_file() {
                found.push(exe.display().to_string());
            }
        }
    }
    found.sort();
    found
}

impl Native {
    /// The newest runnable of python3.13, python3.12 and python3 (on PATH or
    /// installed with pyenv), or `$CANDOR_COMPAT_PYTHON`.
    pub fn python() -> Native {
        let candidates: Vec<String> = match std::env::var("CANDOR_COMPAT_PYTHON") {
            Ok(exe) if !exe.is_empty() => vec![exe],
            _ => {
                let mut names: Vec<String> = ["python3.13", "python3.12", "python3"]
                    .map(String::from)
                    .to_vec();
                names.extend(pyenv_pythons());
                names
            }
        };
        let probe = "import sys; print(sys.executable); print(*sys.version_info[:2])";
        let mut best: Option<((u32, u32), PathBuf, String)> = None;
        let mut tried = Vec::new();
        for name in &candidates {
            let Ok(out) = Command::new(name)
                .args(["-c", probe])
                .stdin(Stdio::null())
                .output()
            else {
                tried.push(format!("{name}: not found"));
                continue;
            };
            let text = String::from_utf8_lossy(&out.stdout);
            let mut lines = text.lines();
            let (Some(exe), Some(version)) = (lines.next(), lines.next()) else {
                let why = String::from_utf8_lossy(&out.stderr);
                tried.push(format!("{name}: does not run ({})", why.trim()));
                continue;
            };
            let mut parts = version.split(' ').map(|v| v.parse::<u32>().unwrap_or(0));
            let version = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
            if best.as_ref().is_none_or(|(v, ..)| version > *v) {
                let label = format!("Python {}.{} ({name})", version.0, version.1);
                best = Some((version, PathBuf::from(exe), label));
            }
        }
        match best {
            Some((_, exe, label)) => Native::Found { exe, label },
            None => Native::missing(format!(
                "no native Python: {} (set CANDOR_COMPAT_PYTHON)",
                tried.join("; ")
            )),
        }
    }

    /// `node`, or `$CANDOR_COMPAT_NODE`.
    pub fn node() -> Native {
        let name = std::env::var("CANDOR_COMPAT_NODE")
            .ok()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "node".to_string());
        match Command::new(&name)
            .arg("--version")
            .stdin(Stdio::null())
            .output()
        {
            Ok(out) if out.status.success() => Native::Found {
                label: format!(
                    "node {} ({name})",
                    String::from_utf8_lossy(&out.stdout).trim()
                ),
                exe: PathBuf::from(name),
            },
            _ => Native::missing(format!(
                "no native node: `{name} --version` failed (set CANDOR_COMPAT_NODE)"
            )),
        }
    }

    fn missing(what: String) -> Native {
        if std::env::var("CANDOR_COMPAT_SKIP_NATIVE").as_deref() == Ok("1") {
            Native::Skipped { what }
        } else {
            panic!("{what}; CANDOR_COMPAT_SKIP_NATIVE=1 skips the comparison instead")
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Native::Found { label, .. } => label.clone(),
            Native::Skipped { what } => format!("skipped ({what})"),
        }
    }

    /// The native outcome of `program`: `Ok(None)` when this language is skipped,
    /// `Err(why)` when it could not be run at all.
    pub fn run(&self, program: &Program) -> Result<Option<Outcome>, String> {
        if program.path.extension().is_some_and(|e| e == "ts") {
            return sidecar(program).map(Some);
        }
        let Native::Found { exe, .. } = self else {
            return Ok(None);
        };
        let dir = common::scratch();
        let file = program.file_name();
        std::fs::copy(&program.path, dir.path().join(&file))
            .map_err(|e| format!("copying the program: {e}"))?;
        if program.reads_data() {
            copy_dir(&data_dir(), &dir.path().join("data"))?;
        }
        let mut cmd = Command::new(exe);
        cmd.arg(&file)
            .current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TZ", "UTC")
            .env("PYTHONDONTWRITEBYTECODE", "1");
        let (stdout, stderr, code) = run_with_timeout(cmd, NATIVE_TIMEOUT)
            .map_err(|e| format!("running {}: {e}", exe.display()))?;
        Ok(Some(Outcome {
            stdout,
            stderr_last_line: last_line(&stderr, program.language),
            exit_code: code,
            note: if code.is_none() {
                format!("killed after {} s", NATIVE_TIMEOUT.as_secs())
            } else {
                String::new()
            },
            findings: Vec::new(),
        }))
    }
}

/// The expectation of a `.ts` program, from `NAME.ts.expected`.
fn sidecar(program: &Program) -> Result<Outcome, String> {
    let mut path = program.path.clone().into_os_string();
    path.push(".expected");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read its sidecar {} ({e}); write it with \
             `python3 benches/compat_corpus.py --write-ts-expected tests/compat/js`",
            Path::new(&path).display()
        )
    })?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("its sidecar is not JSON: {e}"))?;
    let field = |k: &str| json[k].as_str().map(str::to_string);
    match (field("stdout"), field("stderr_last_line")) {
        (Some(stdout), Some(stderr_last_line)) => Ok(Outcome {
            stdout,
            stderr_last_line,
            exit_code: json["exit_code"].as_i64().map(|c| c as i32),
            note: String::new(),
            findings: Vec::new(),
        }),
        _ => Err("its sidecar lacks stdout or stderr_last_line".to_string()),
    }
}

/// Runs `cmd` with stdin empty; kills it after `limit` (the exit code is then None).
fn run_with_timeout(
    mut cmd: Command,
    limit: Duration,
) -> std::io::Result<(String, String, Option<i32>)> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // drain both pipes on their own threads so a chatty program cannot block on a full pipe
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let err = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    Ok((stdout, stderr, status.and_then(|s| s.code())))
}

/// candor's outcome and reason, and whether output was dropped, for the failure message.
fn report_note(report: &serde_json::Value) -> String {
    let mut note = match report["reason"].as_str() {
        Some(reason) => format!(
            "outcome {}: {reason}",
            report["outcome"].as_str().unwrap_or("?")
        ),
        None => String::new(),
    };
    if report["truncated"] == true {
        note += if note.is_empty() {
            "output truncated"
        } else {
            " (output truncated)"
        };
    }
    note
}

/// Runs `candor ARGS` in `dir`: the binary this test was built with, or
/// `$CANDOR_COMPAT_BIN` (another build of candor to measure).
fn candor_in(dir: &Path, args: &[&str]) -> common::Run {
    let Some(bin) = std::env::var_os("CANDOR_COMPAT_BIN").filter(|b| !b.is_empty()) else {
        return common::candor_in(dir, args, &[]);
    };
    let out = Command::new(&bin)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run CANDOR_COMPAT_BIN={}: {e}", bin.display()));
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The findings of `report` at warning or error level, as `kind line`.
fn warnings(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] != "info")
        .map(|f| format!("{} {}", f["kind"].as_str().unwrap_or("?"), f["line"]))
        .collect()
}

/// candor's outcome of `program`: `candor run FILE --format json [candor-args]` in a fresh directory.
pub fn run_candor(program: &Program) -> Outcome {
    let dir = common::scratch();
    let file = program.file_name();
    let source = std::fs::read(&program.path).expect("the program is readable");
    std::fs::write(dir.path().join(&file), &source).expect("the scratch directory is writable");
    let extra = candor_args(&String::from_utf8_lossy(&source));
    let mut args = vec!["run", file.as_str(), "--format", "json"];
    args.extend(extra.iter().map(String::as_str));
    let mount = format!("{}:/data", data_dir().display());
    if program.reads_data() {
        args.extend(["--mount", mount.as_str()]);
    }
    let run = candor_in(dir.path(), &args);
    match serde_json::from_str::<serde_json::Value>(&run.stdout) {
        Ok(report) => Outcome {
            stdout: report["stdout"].as_str().unwrap_or_default().to_string(),
            stderr_last_line: last_line(
                report["stderr"].as_str().unwrap_or_default(),
                program.language,
            ),
            exit_code: report["exit_code"].as_i64().map(|c| c as i32),
            note: report_note(&report),
            findings: warnings(&report),
        },
        Err(_) => Outcome {
            stdout: String::new(),
            stderr_last_line: format!(
                "(candor printed no report, exit {}: {})",
                run.code,
                last_line(&run.stderr, Language::Python)
            ),
            exit_code: None,
            note: String::new(),
            findings: Vec::new(),
        },
    }
}
