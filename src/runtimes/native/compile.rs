//! Compiling a C, C++ or Zig snippet to a WASI command module with zig, on
//! the host: held to the run's time limit and a memory cap, its output cached
//! by what it depends on, and compiled once when many runs ask at once.

use super::jail::Jail;
use super::toolchain::Zig;
use crate::Language;
use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// candor's libc wrappers, linked into every C and C++ program.
const LIBC_WRAPPERS: &str = include_str!("../../../runtimes/native/candor_libc.c");
/// The libc functions the wrappers stand in for: the program is compiled
/// with `-DNAME=candor_NAME` (zig's linker has no `--wrap`).
const WRAPPED: &[&str] = &[
    "atoi", "atol", "atoll", "atof", "strtol", "strtoll", "strtoul", "strtoull", "strtod",
    "strtof", "sscanf", "scanf", "fscanf", "fopen", "malloc", "calloc", "realloc",
];
/// The wasm stack a program gets (placed first in memory by the linker, so
/// that overflowing it traps instead of overwriting data).
const STACK_BYTES: &str = "8388608";
/// The address space the compiler may use (`RLIMIT_AS`).
pub(crate) const COMPILER_MEMORY: u64 = 4 << 30;
/// The folder, inside the runtime's directory, of zig's own cache (its
/// libraries for wasm32-wasi).
pub(crate) const ZIG_CACHE: &str = "zig-cache";
/// Compiler diagnostics kept (the rest is cut).
const MAX_DIAGNOSTICS: usize = 64 * 1024;
/// Bumped when the flags or the wrappers change meaning: part of every key.
const FORMAT: &str = "native-3";

/// Set to `1`, compiles without the jail (see `jail.rs`): for machines that
/// refuse user namespaces, with trusted code only.
pub(crate) const UNCONFINED_ENV: &str = "CANDOR_UNCONFINED_COMPILER";

/// Whether `UNCONFINED_ENV` asks for compiles without the jail.
fn unconfined() -> bool {
    std::env::var_os(UNCONFINED_ENV).is_some_and(|v| v == "1")
}

/// How long a compile may take.
pub(crate) struct Bounds {
    pub(crate) timeout: Duration,
}

/// Why a program did not compile.
pub(crate) struct CompileFailure {
    /// The compiler's diagnostics, naming the user's file.
    pub(crate) stderr: String,
    /// It ran out of time (`Bounds::timeout`), rather than failing.
    pub(crate) timed_out: bool,
}

/// A compiled program: the module with its debug information.
pub(crate) struct CompiledProgram {
    pub(crate) wasm: Vec<u8>,
    /// The compiler's warnings about the user's file (empty without any).
    pub(crate) warnings: String,
}

/// Compiles with one zig into one cache directory.
#[derive(Clone)]
pub(crate) struct Compiler {
    zig: Zig,
    /// `<cache>/native`: compiled programs, zig's cache, the locks.
    dir: PathBuf,
}

impl Compiler {
    pub(crate) fn new(zig: Zig, dir: PathBuf) -> Self {
        Compiler { zig, dir }
    }

    pub(crate) fn zig(&self) -> &Zig {
        &self.zig
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The command-line flags for `language`, after the source file.
    fn flags(language: Language) -> Vec<String> {
        let mut flags: Vec<String> = match language {
            Language::Zig => vec![
                "-target".into(),
                "wasm32-wasi".into(),
                "-O".into(),
                "ReleaseSafe".into(),
                "--stack".into(),
                STACK_BYTES.into(),
            ],
            _ => {
                let mut flags: Vec<String> = [
                    "-target",
                    "wasm32-wasi",
                    "-O2",
                    "-g",
                    "-Wall",
                    "-D_WASI_EMULATED_PROCESS_CLOCKS",
                    "-D_WASI_EMULATED_SIGNAL",
                    "-lwasi-emulated-process-clocks",
                    "-lwasi-emulated-signal",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect();
                flags.push(format!("-Wl,-z,stack-size={STACK_BYTES}"));
                flags.extend(WRAPPED.iter().map(|name| format!("-D{name}=candor_{name}")));
                flags
            }
        };
        if language == Language::Cpp {
            // zig has no C++ exceptions on wasm32 (upstream zig issue 19893)
            flags.push("-fno-exceptions".into());
        }
        flags
    }

    /// The cache key of a program: everything its module depends on.
    fn key(&self, language: Language, file: &str, code: &str) -> String {
        let mut hasher = Sha256::new();
        // a program compiled unconfined may hold host files: never shared
        // with confined runs
        let confined = if unconfined() {
            "unconfined"
        } else {
            "confined"
        };
        for part in [
            FORMAT,
            confined,
            &self.zig.version,
            language.name(),
            &Self::flags(language).join(" "),
            LIBC_WRAPPERS,
            file,
            code,
        ] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        hasher.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Compiles `code` as the file `file` (a bare name, which diagnostics
    /// use), or loads it from the cache. Concurrent callers compiling the same
    /// program wait for one compile. The outer error is the host's (a cache
    /// that cannot be written); the inner one, the program's.
    pub(crate) fn compile_blocking(
        &self,
        language: Language,
        file: &str,
        code: &str,
        bounds: &Bounds,
    ) -> Result<std::result::Result<CompiledProgram, CompileFailure>> {
        let started = Instant::now();
        let programs = self.dir.join("programs");
        fs::create_dir_all(&programs)
            .map_err(|e| Error::Io(format!("creating {}: {e}", programs.display())))?;
        let key = self.key(language, file, code);
        let module = programs.join(format!("{key}.wasm"));
        let warnings_file = programs.join(format!("{key}.warnings"));
        let cached = || -> Option<CompiledProgram> {
            let wasm = fs::read(&module).ok()?;
            wasm.starts_with(b"\0asm").then(|| CompiledProgram {
                wasm,
                warnings: fs::read_to_string(&warnings_file).unwrap_or_default(),
            })
        };
        if let Some(program) = cached() {
            return Ok(Ok(program));
        }
        let lock_path = programs.join(format!("{key}.lock"));
        let lock = open_lock(&lock_path)?;
        // wait for another compile of the same program, within the time left
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {
                    if started.elapsed() >= bounds.timeout {
                        return Ok(Err(CompileFailure {
                            stderr: String::new(),
                            timed_out: true,
                        }));
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(Error::Io(format!("locking {}: {e}", lock_path.display())));
                }
            }
        }
        if let Some(program) = cached() {
            return Ok(Ok(program));
        }
        let left = bounds.timeout.saturating_sub(started.elapsed());
        let work = tempfile::Builder::new()
            .prefix("compile-")
            .tempdir_in(&self.dir)
            .map_err(|e| Error::Io(format!("creating a folder in {}: {e}", self.dir.display())))?;
        let outcome = self.run_zig(language, file, code, work.path(), left)?;
        let program = match outcome {
            Ok(program) => program,
            Err(failure) => return Ok(Err(failure)),
        };
        // atomically, so that a reader never sees half a module
        let temp = work.path().join("ready.wasm");
        fs::write(&temp, &program.wasm)
            .and_then(|()| fs::write(&warnings_file, &program.warnings))
            .and_then(|()| fs::rename(&temp, &module))
            .map_err(|e| Error::Io(format!("writing {}: {e}", module.display())))?;
        drop(lock);
        evict_old_programs(&programs);
        Ok(Ok(program))
    }

    /// Runs zig in `work` on the source written there, within `left`.
    fn run_zig(
        &self,
        language: Language,
        file: &str,
        code: &str,
        work: &Path,
        left: Duration,
    ) -> Result<std::result::Result<CompiledProgram, CompileFailure>> {
        let write = |name: &str, text: &str| {
            fs::write(work.join(name), text)
                .map_err(|e| Error::Io(format!("writing {name} for the compiler: {e}")))
        };
        write(file, code)?;
        let output = "program.wasm";
        // by its real path, which is also its path inside the jail
        let program = fs::canonicalize(&self.zig.path).unwrap_or_else(|_| self.zig.path.clone());
        let mut command = Command::new(program);
        match language {
            Language::Zig => {
                command.arg("build-exe").arg(file);
                command.args(Self::flags(language));
                command.arg(format!("-femit-bin={output}"));
            }
            _ => {
                write("candor_libc.c", LIBC_WRAPPERS)?;
                command.arg(if language == Language::Cpp {
                    "c++"
                } else {
                    "cc"
                });
                command.arg(file).arg("candor_libc.c");
                command.args(Self::flags(language));
                command.arg("-o").arg(output);
            }
        }
        let zig_cache = self.dir.join(ZIG_CACHE);
        fs::create_dir_all(&zig_cache)
            .map_err(|e| Error::Io(format!("creating {}: {e}", zig_cache.display())))?;
        self.confine(&mut command, work, &zig_cache)?;
        command
            .current_dir(work)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", work)
            .env("ZIG_GLOBAL_CACHE_DIR", &zig_cache)
            // C and C++ objects are rebuilt per program (in the work folder,
            // removed after); Zig's standard library is kept with the libraries
            .env(
                "ZIG_LOCAL_CACHE_DIR",
                if language == Language::Zig {
                    zig_cache.clone()
                } else {
                    work.join("zig-local")
                },
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let (status, stderr, timed_out) = run_bounded(command, left)?;
        let stderr = without_zig_notes(&stderr);
        if timed_out {
            return Ok(Err(CompileFailure {
                stderr,
                timed_out: true,
            }));
        }
        if !status {
            return Ok(Err(CompileFailure {
                stderr,
                timed_out: false,
            }));
        }
        let wasm = fs::read(work.join(output))
            .map_err(|e| Error::Io(format!("reading the compiled program: {e}")))?;
        Ok(Ok(CompiledProgram {
            wasm,
            warnings: stderr,
        }))
    }
}

impl Compiler {
    /// Confines the compiler (see `jail.rs`), or says why it cannot be.
    fn confine(&self, command: &mut Command, work: &Path, zig_cache: &Path) -> Result<()> {
        if unconfined() {
            return Ok(());
        }
        if !Jail::available() {
            return Err(Error::Io(format!(
                "compiling C, C++ and Zig needs user namespaces, which keep the compiler \
                 from reading the host's files (#include \"/etc/passwd\"), and this machine \
                 refuses them; set {UNCONFINED_ENV}=1 to compile unconfined (trusted code only)"
            )));
        }
        let canonical = |path: &Path| {
            fs::canonicalize(path)
                .map_err(|e| Error::Io(format!("resolving {}: {e}", path.display())))
        };
        let zig_home = canonical(&self.zig.path)?
            .parent()
            .map(Path::to_path_buf)
            .ok_or_else(|| Error::Io("zig's folder".to_string()))?;
        let root = work.join("jail");
        fs::create_dir(&root)
            .map_err(|e| Error::Io(format!("creating {}: {e}", root.display())))?;
        let work = canonical(work)?;
        let jail = Jail {
            root: work.join("jail"),
            folders: vec![
                (zig_home, false),
                (canonical(zig_cache)?, true),
                (work.clone(), true),
            ],
            work,
        };
        jail.confine(command)
            .map_err(|e| Error::Io(format!("confining the compiler: {e}")))
    }
}

/// Opens (creating) the lock file at `path`.
pub(crate) fn open_lock(path: &Path) -> Result<fs::File> {
    fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| Error::Io(format!("opening {}: {e}", path.display())))
}

/// Compiled programs kept in the cache; past this, the least recently
/// written go.
const KEEP_PROGRAMS: usize = 512;

/// Removes the oldest programs (and their warnings and locks) past
/// `KEEP_PROGRAMS`. Best effort: a program removed while another run reads
/// it is compiled again.
fn evict_old_programs(programs: &Path) {
    let Ok(entries) = fs::read_dir(programs) else {
        return;
    };
    let mut modules: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "wasm"))
        .filter_map(|path| Some((fs::metadata(&path).ok()?.modified().ok()?, path)))
        .collect();
    if modules.len() <= KEEP_PROGRAMS {
        return;
    }
    modules.sort();
    let excess = modules.len() - KEEP_PROGRAMS;
    for (_, module) in modules.into_iter().take(excess) {
        for extension in ["wasm", "warnings", "lock"] {
            let _ = fs::remove_file(module.with_extension(extension));
        }
    }
}

/// Runs `command` in its own process group with its address space capped,
/// killing the whole group past `left`: (succeeded, stderr, timed out).
fn run_bounded(mut command: Command, left: Duration) -> Result<(bool, String, bool)> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between
        // fork and exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: COMPILER_MEMORY as libc::rlim_t,
                    rlim_max: COMPILER_MEMORY as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .spawn()
        .map_err(|e| Error::Io(format!("running {program}: {e}")))?;
    let mut pipe = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = (&mut pipe)
            .take(MAX_DIAGNOSTICS as u64)
            .read_to_end(&mut bytes);
        // drain the rest so the compiler never blocks on a full pipe
        let _ = std::io::copy(&mut pipe, &mut std::io::sink());
        bytes
    });
    let deadline = Instant::now() + left;
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                timed_out = true;
                kill_group(&mut child);
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(Error::Io(format!("waiting for {program}: {e}"))),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    Ok((status.is_some_and(|s| s.success()), stderr, timed_out))
}

/// Kills the compiler and whatever it started (clang, the linker).
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: a plain syscall on the group this child leads.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
}

/// The diagnostics with zig's notes about its own invocation dropped.
fn without_zig_notes(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|line| !line.starts_with("zig: note: diagnostic msg"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_programs_past_the_cap_are_removed_with_their_files() {
        let dir = tempfile::tempdir().unwrap();
        let base = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        for i in 0..KEEP_PROGRAMS + 3 {
            let module = dir.path().join(format!("{i:04}.wasm"));
            fs::write(&module, b"\0asm").unwrap();
            fs::write(module.with_extension("warnings"), b"").unwrap();
            let file = fs::File::options().write(true).open(&module).unwrap();
            file.set_modified(base + Duration::from_secs(i as u64))
                .unwrap();
        }
        evict_old_programs(dir.path());
        let left = |ext: &str| {
            fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == ext))
                .count()
        };
        assert_eq!(left("wasm"), KEEP_PROGRAMS);
        assert_eq!(left("warnings"), KEEP_PROGRAMS);
        for gone in ["0000", "0001", "0002"] {
            assert!(!dir.path().join(format!("{gone}.wasm")).exists());
        }
        assert!(dir.path().join("0003.wasm").exists());
    }
}
