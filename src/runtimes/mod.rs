//! Guest languages and runtimes: what a snippet is, the [`runtime::Runtime`]
//! interface, the registry that maps a language to its runtime, and one module
//! per runtime (Python, JavaScript and TypeScript, raw WebAssembly, C/C++/Zig,
//! and the optional python-data).

pub(crate) mod command;
#[cfg(test)]
mod facts_golden_tests;
pub(crate) mod javascript;
pub(crate) mod mount;
pub(crate) mod native;
mod optional;
pub(crate) mod python;
pub(crate) mod python_data;
pub(crate) mod registry;
pub(crate) mod runtime;
mod source_file;
pub(crate) mod wasm;

pub use mount::{DEFAULT_MOUNT_POINT, Mount};
pub use optional::{
    INSTALL_PYTHON_ENV, OptionalRuntime, install_runtime, optional_runtimes, remove_runtime,
};
pub use python_data::InstallStep;
pub use registry::runtime_languages;
pub use source_file::{MAX_SOURCE_BYTES, read_input_file};

use crate::detect::{self, facts::GuestFacts};
use crate::error::{Error, Result};
use crate::report::{Outcome, REPORT_SCHEMA, Report, RuntimeInfo, explain_outcome};
use crate::sandbox::Limits;
use crate::sandbox::execution::Execution;
use std::path::Path;

/// A language candor can run. More will come (each with its runtime): a
/// `match` needs a `_` arm; [`Language::ALL`] lists the current ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// Python 3 (CPython 3.14 in WebAssembly).
    Python,
    /// JavaScript (QuickJS-ng in WebAssembly).
    JavaScript,
    /// TypeScript: types stripped on the host, then run as JavaScript.
    TypeScript,
    /// A raw WebAssembly program: a WASI preview-1 command module or a
    /// preview-2 command component, as binary (`.wasm`) or text (`.wat`).
    Wasm,
    /// C, compiled to WebAssembly by `zig cc` on the host.
    C,
    /// C++, compiled to WebAssembly by `zig c++` on the host (without
    /// exceptions: see the README).
    Cpp,
    /// Zig, compiled to WebAssembly by `zig build-exe` on the host.
    Zig,
}

impl Language {
    /// Every language, in the order `candor runtimes` lists them.
    pub const ALL: [Language; 7] = [
        Language::Python,
        Language::JavaScript,
        Language::TypeScript,
        Language::Wasm,
        Language::C,
        Language::Cpp,
        Language::Zig,
    ];

    /// The name used on the command line and in reports (`python`).
    pub fn name(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Wasm => "wasm",
            Language::C => "c",
            Language::Cpp => "cpp",
            Language::Zig => "zig",
        }
    }

    /// File extensions that select this language (the first is the usual one).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Language::Python => &["py"],
            Language::JavaScript => &["js", "mjs", "cjs"],
            Language::TypeScript => &["ts", "mts", "cts"],
            Language::Wasm => &["wasm", "wat"],
            Language::C => &["c"],
            Language::Cpp => &["cpp", "cc", "cxx", "c++"],
            Language::Zig => &["zig"],
        }
    }

    /// The name of the runtime that runs this language (`python`,
    /// `javascript`, `wasm`), as `candor runtimes` lists them.
    pub fn runtime(self) -> &'static str {
        registry::resolve(self).map_or("none", |i| registry::RUNTIMES[i].name)
    }

    /// The standard-library modules that cannot be imported in the sandbox,
    /// each with why (`("multiprocessing", "no processes ...")`); importing
    /// one raises an error that gives the same reason. Empty for a language
    /// whose runtime has no such list.
    pub fn unavailable_modules(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Language::Python => python::unavailable_modules().collect(),
            Language::JavaScript
            | Language::TypeScript
            | Language::Wasm
            | Language::C
            | Language::Cpp
            | Language::Zig => Vec::new(),
        }
    }

    /// The compiler that turns this language's snippets into WebAssembly on
    /// the host, as `candor runtimes` shows it (`zig 0.17.1 at PATH`); None
    /// for a language that is not compiled, Err saying how to get a missing
    /// one.
    pub fn compiler(self) -> Option<std::result::Result<String, String>> {
        match self {
            Language::C | Language::Cpp | Language::Zig => Some(
                native::toolchain::find()
                    .map(|zig| format!("zig {} at {}", zig.version, zig.path.display()))
                    .map_err(|e| e.to_string()),
            ),
            _ => None,
        }
    }

    /// The language a `--lang` value names (`python`, `py`).
    pub fn from_name(name: &str) -> Option<Language> {
        let name = name.to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.name() == name || l.extensions().contains(&name.as_str()))
    }

    /// The language of a file, from its extension.
    pub fn from_path(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.extensions().contains(&ext.as_str()))
    }
}

/// One program to run: its source and everything it may see.
#[derive(Clone, Debug)]
pub struct Snippet {
    /// The language to run it as.
    pub language: Language,
    /// The name findings and tracebacks use (a path as given, or `-`).
    pub file: String,
    /// The source text (empty for a program given as bytes, see `binary`).
    pub code: String,
    /// The program as bytes, for a language whose programs can be binary (a
    /// `.wasm` module); None when the program is the text in `code`.
    pub binary: Option<Vec<u8>>,
    /// Bytes the guest reads from stdin (default: none).
    pub stdin: Vec<u8>,
    /// Arguments after the program name (`sys.argv[1:]`).
    pub args: Vec<String>,
    /// Environment variables the guest sees (default: none; the host's never leak in).
    pub env: Vec<(String, String)>,
    /// Limits for this run only; None uses the sandbox's.
    pub limits: Option<Limits>,
    /// Host directories the guest may read (default: none).
    pub mounts: Vec<Mount>,
    /// Re-run the snippet when a handler swallowed, with those handlers
    /// re-raising, and say on each finding what the error would have done
    /// (default: off; [`SandboxBuilder::strict`](crate::SandboxBuilder::strict)
    /// turns it on for every snippet).
    pub strict: bool,
    /// The runtime to run it on, by name (`candor runtimes` lists them);
    /// None (the default) takes the language's default runtime. Naming one
    /// that does not run the snippet's language is an [`Error::BadInput`].
    pub runtime: Option<String>,
    /// For a strict re-run: the positions (`line`, `column`) of the handlers
    /// to make re-raise, or of values inside them.
    pub(crate) reraise: Vec<(u32, u32)>,
    /// For a run that tells what makes the output vary (`probe`): which
    /// sources are fixed, instead of the sandbox's setting.
    pub(crate) determinism: Option<crate::sandbox::guest::Determinism>,
    /// For a probe run (Python, JavaScript, TypeScript): after the snippet, call each of its
    /// top-level functions with edge-case inputs, at most this many calls.
    pub(crate) explore: Option<u32>,
    /// For a probe run: no call starts once this long has passed since the
    /// first one started.
    pub(crate) explore_budget: Option<std::time::Duration>,
}

impl Snippet {
    /// A snippet of `language` named `file`.
    pub fn new(language: Language, file: impl Into<String>, code: impl Into<String>) -> Self {
        Snippet {
            language,
            file: file.into(),
            code: code.into(),
            binary: None,
            stdin: Vec::new(),
            args: Vec::new(),
            env: Vec::new(),
            limits: None,
            mounts: Vec::new(),
            strict: false,
            runtime: None,
            reraise: Vec::new(),
            determinism: None,
            explore: None,
            explore_budget: None,
        }
    }

    /// Lets the guest read a host directory (see [`Mount`]); a snippet may
    /// have several, each at its own guest path.
    pub fn with_mount(mut self, mount: Mount) -> Self {
        self.mounts.push(mount);
        self
    }

    /// Runs it on the runtime called `name` (see [`Snippet::runtime`]).
    pub fn with_runtime(mut self, name: impl Into<String>) -> Self {
        self.runtime = Some(name.into());
        self
    }

    /// Asks for a strict re-run (see [`Snippet::strict`]).
    pub fn with_strict(mut self, on: bool) -> Self {
        self.strict = on;
        self
    }

    /// Checks what the guest will be given: a name, arguments and
    /// environment variables without NUL characters (which no guest can
    /// take), environment variable names that are not empty and hold no `=`,
    /// and mounts each at its own guest path; and a program given as bytes
    /// only for a language whose programs can be binary (WebAssembly).
    /// [`Sandbox::run`](crate::Sandbox::run) calls it and refuses the snippet
    /// with [`Error::BadInput`] naming what is wrong.
    pub fn validate(&self) -> Result<()> {
        let bad = |what: String| Err(Error::BadInput(what));
        if self.binary.is_some() && self.language != Language::Wasm {
            return bad(format!(
                "{}: a {} snippet is source text, not bytes (only wasm programs may be binary)",
                self.file,
                self.language.name()
            ));
        }
        if self.file.contains('\0') {
            return bad(format!(
                "invalid snippet name {:?}: it contains a NUL character",
                self.file
            ));
        }
        if let Some(arg) = self.args.iter().find(|a| a.contains('\0')) {
            return bad(format!(
                "invalid argument {arg:?}: it contains a NUL character"
            ));
        }
        for (key, value) in &self.env {
            let why = if key.is_empty() {
                "the name is empty"
            } else if key.contains('=') {
                "the name contains '='"
            } else if key.contains('\0') || value.contains('\0') {
                "it contains a NUL character"
            } else {
                continue;
            };
            return bad(format!("invalid environment variable {key:?}: {why}"));
        }
        mount::check_distinct(&self.mounts)
    }

    /// A Python snippet named `snippet.py`.
    pub fn python(code: impl Into<String>) -> Self {
        Snippet::new(Language::Python, "snippet.py", code)
    }

    /// A JavaScript snippet named `snippet.js`.
    pub fn javascript(code: impl Into<String>) -> Self {
        Snippet::new(Language::JavaScript, "snippet.js", code)
    }

    /// A TypeScript snippet named `snippet.ts`.
    pub fn typescript(code: impl Into<String>) -> Self {
        Snippet::new(Language::TypeScript, "snippet.ts", code)
    }

    /// A raw WebAssembly program named `snippet.wasm`, given as bytes: a
    /// WASI preview-1 command module or a preview-2 command component.
    pub fn wasm(bytes: impl Into<Vec<u8>>) -> Self {
        let mut snippet = Snippet::new(Language::Wasm, "snippet.wasm", "");
        snippet.binary = Some(bytes.into());
        snippet
    }

    /// A raw WebAssembly program in the text format, named `snippet.wat`.
    pub fn wat(text: impl Into<String>) -> Self {
        Snippet::new(Language::Wasm, "snippet.wat", text)
    }

    /// Reads a snippet from a file; the language comes from `language` or the
    /// extension. A WebAssembly file is kept as bytes when it is binary
    /// (starts with `\0asm`), else read as text (`.wat`). Directories, named pipes, devices and sockets are refused
    /// before the language is looked at, and so are files over
    /// [`MAX_SOURCE_BYTES`].
    pub fn from_path(path: &Path, language: Option<Language>) -> Result<Self> {
        let shown = path.display().to_string();
        let kind = std::fs::metadata(path)
            .map_err(|e| Error::BadInput(format!("reading {shown}: {}", io_reason(&e))))?
            .file_type();
        if let Some(why) = source_file::not_regular(kind) {
            return Err(Error::BadInput(format!("{shown}: {why}")));
        }
        let language = match language.or_else(|| Language::from_path(path)) {
            Some(l) => l,
            None => {
                return Err(Error::BadInput(format!(
                    "{shown}: unknown language (extension {:?}); pass --lang {}",
                    path.extension()
                        .map(|e| e.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    Language::ALL.map(|l| l.name()).join("|"),
                )));
            }
        };
        let bytes = read_input_file(path, MAX_SOURCE_BYTES, "a source file")?;
        Snippet::from_bytes(language, shown, bytes)
    }

    /// A snippet of `language` named `file` from its bytes: text (UTF-8,
    /// else an error naming the first bad byte), or for WebAssembly, a binary
    /// module or component (starting with `\0asm`) kept as bytes.
    pub fn from_bytes(language: Language, file: impl Into<String>, bytes: Vec<u8>) -> Result<Self> {
        let file = file.into();
        if language == Language::Wasm && bytes.starts_with(WASM_MAGIC) {
            let mut snippet = Snippet::new(language, file, "");
            snippet.binary = Some(bytes);
            return Ok(snippet);
        }
        let code = source_text(bytes, &file)?;
        Ok(Snippet::new(language, file, code))
    }

    /// Sets the bytes the guest reads from stdin.
    pub fn with_stdin(mut self, stdin: impl Into<Vec<u8>>) -> Self {
        self.stdin = stdin.into();
        self
    }

    /// Appends an argument.
    pub fn with_arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Adds an environment variable.
    pub fn with_env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Uses `limits` for this snippet instead of the sandbox's.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = Some(limits);
        self
    }
}

/// The first bytes of a binary WebAssembly module or component.
const WASM_MAGIC: &[u8] = b"\0asm";

/// Decodes source bytes as UTF-8, naming the first bad byte on failure.
pub(crate) fn source_text(bytes: Vec<u8>, shown: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        Error::BadInput(format!(
            "reading {shown}: invalid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// An I/O error in words, without the OS error number.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
        _ => e.to_string(),
    }
}

/// What a guest harness said about its run when it returned normally.
pub(crate) struct GuestStatus {
    pub(crate) exit_code: i32,
    pub(crate) tampered: Vec<String>,
    /// The facts the harness sent itself, when it counts them: more reaching
    /// the host were sent by the snippet.
    pub(crate) facts_sent: Option<u64>,
}

/// How a guest's run ended, as far as the facts are concerned.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum GuestEnd {
    /// The harness ran to its end and sent every count it held back.
    Finished,
    /// The run was cut short (a limit, a trap): counts may be missing.
    CutShort,
}

/// Builds the report from an execution, the facts its guest streamed, and the
/// harness's status if it returned one. The runtime's name and version are the
/// host's (`runtime`): a guest's `runtime` fact that says otherwise is tampering.
pub(crate) fn assemble(
    snippet: &Snippet,
    mut run: Execution,
    runtime: (&str, &str),
    status: Option<GuestStatus>,
    end: GuestEnd,
) -> Report {
    let received = (run.facts.len() + run.facts_dropped) as u64;
    let facts = GuestFacts::from_lines(run.facts.iter().map(String::as_str));
    let mut exit_code = run.exit_code;
    let mut tampering = facts.tampering.clone();
    if let Some((name, version)) = &facts.runtime
        && (name.as_str(), version.as_str()) != runtime
    {
        tampering.push(format!(
            "the guest said it runs {name} {version}, not {} {}",
            runtime.0, runtime.1
        ));
    }
    if end == GuestEnd::Finished {
        tampering.extend(facts.overresolved());
    }
    if let Some(status) = status {
        exit_code = Some(status.exit_code);
        if status.exit_code != 0 {
            run.outcome = Outcome::Failed;
        }
        if let Some(sent) = status.facts_sent
            && sent != received
        {
            tampering.push(format!(
                "{received} facts reached the host but candor's harness sent {sent}"
            ));
        }
        for t in status.tampered {
            if !tampering.contains(&t) {
                tampering.push(t);
            }
        }
    }
    if facts.malformed > 0 {
        tampering.push(format!(
            "{} malformed facts reached the host",
            facts.malformed
        ));
    }
    if run.facts_dropped > 0 {
        tampering.push(format!(
            "{} facts over the size cap were dropped",
            run.facts_dropped
        ));
    }
    let (name, version) = (runtime.0.to_string(), runtime.1.to_string());
    let findings = detect::findings(&facts, &snippet.file);
    // a probe run that ended before its calls did: in which call, and why
    let not_made = probe_not_made(&facts);
    let ended_early =
        run.outcome != Outcome::Completed && (facts.unfinished_probe().is_some() || not_made > 0);
    let unfinished = facts
        .unfinished_probe()
        .filter(|_| run.outcome != Outcome::Completed)
        .map(|call| crate::report::UnfinishedCall {
            call: call.to_string(),
            reason: String::new(),
        });
    // milliseconds, to the microsecond
    let duration_ms = (run.duration.as_secs_f64() * 1e6).round() / 1e3;
    let mut report = Report {
        schema: REPORT_SCHEMA.to_string(),
        file: snippet.file.clone(),
        language: snippet.language.name().to_string(),
        runtime: RuntimeInfo { name, version },
        outcome: run.outcome,
        reason: run.reason,
        exit_code,
        stdout: String::from_utf8_lossy(&run.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&run.stderr).into_owned(),
        truncated: run.truncated,
        fuel_consumed: run.fuel_consumed,
        duration_ms,
        instrumentation_tampered: !tampering.is_empty(),
        tampering,
        findings,
        output_diff: None,
        // calls listed and none made (the budget ran out first) are said too
        probes: (facts.probe_calls > 0 || facts.probe_listed.is_some_and(|n| n > 0)).then(|| {
            crate::report::ProbeCalls {
                calls: facts.probe_calls,
                not_made,
                stopped_by: if ended_early {
                    Some(crate::report::ProbeStop::RunEnded)
                } else {
                    facts.probe_stop
                },
                unfinished,
                shared_state: facts.probe_shared,
                results: facts.probe_results.clone(),
                duration_ms,
                raised: facts
                    .probe_results
                    .iter()
                    .filter_map(|r| match &r.ended {
                        crate::report::CallEnd::Raised(exception) => {
                            Some(crate::report::RaisedOn {
                                call: r.call.clone(),
                                exception: exception.clone(),
                            })
                        }
                        crate::report::CallEnd::Returned(_) => None,
                    })
                    .collect(),
            }
        }),
    };
    // every run that did not complete says why (its exception, its exit status)
    report.reason = report.reason.take().or_else(|| explain_outcome(&report));
    if let Some(unfinished) = report.probes.as_mut().and_then(|p| p.unfinished.as_mut()) {
        unfinished.reason = report.reason.clone().unwrap_or_default();
    }
    report
}

/// The probe calls listed and not made (by the budget, the memory, a run
/// that ended, arguments that could not be made); without a listing, those
/// the guest said it left.
fn probe_not_made(facts: &GuestFacts) -> u64 {
    facts.probe_listed.map_or(facts.probe_left, |listed| {
        listed.saturating_sub(facts.probe_calls)
    })
}
