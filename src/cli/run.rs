//! `candor run`: one snippet, one report.

use super::exit::{Exit, print_stdout};
use super::options::{FailOn, LimitArgs, env_pair, guest_arg, mount};
use candor::probe::Expected;
use candor::{Language, Limits, Sandbox, Snippet};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What the cap on the guest's stdin is called in errors.
const GUEST_STDIN: &str = "the guest's stdin (the memory limit)";

#[derive(Args)]
pub(crate) struct RunArgs {
    /// The snippet to run, or - to read it from stdin (then --lang is required)
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Language of the snippet: python, javascript, typescript or wasm [default: from the file extension]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    #[command(flatten)]
    limits: LimitArgs,
    /// Environment variable for the guest (repeatable); the host's are never passed
    #[arg(long, value_name = "KEY=VALUE", value_parser = env_pair)]
    env: Vec<(String, String)>,
    /// File whose bytes the guest reads on stdin, or - for candor's own stdin
    /// [default: candor's stdin when it is piped or redirected, else none]
    #[arg(long, value_name = "FILE|-")]
    stdin: Option<PathBuf>,
    /// Argument for the guest, after its name (repeatable)
    #[arg(long = "arg", value_name = "ARG", allow_hyphen_values = true, value_parser = guest_arg)]
    args: Vec<String>,
    /// Host directory the guest may read, read-only, at GUEST_DIR [default: /data] (repeatable)
    #[arg(long = "mount", value_name = "HOST_DIR[:GUEST_DIR]", value_parser = mount)]
    mounts: Vec<candor::Mount>,
    /// Output format
    #[arg(long, value_enum, default_value_t = RunFormat::Text)]
    format: RunFormat,
    /// Fix the guest's clock and random seeds so that the run repeats bit for bit
    #[arg(long)]
    deterministic: bool,
    /// Lowest finding severity that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Run without detection (no findings; for measuring its cost)
    #[arg(long)]
    no_detect: bool,
    /// When a handler swallows an exception, run the snippet again with it re-raising and say
    /// on each finding what the error would have done (one more run per such handler, at most 8)
    #[arg(long, conflicts_with = "no_detect")]
    strict: bool,
    /// The runtime to run the snippet on, by name (`candor runtimes` lists them) [default: the
    /// language's]
    #[arg(long, value_name = "NAME")]
    runtime: Option<String>,
    /// The output the snippet should print to stdout, in FILE: when it completes and prints
    /// something else, a wrong_output finding (an error) says where, with a diff
    #[arg(long, value_name = "FILE")]
    expect: Option<PathBuf>,
    /// A known-correct program (any language candor runs) given the same stdin, arguments,
    /// environment and mounts: its output is the expected output (see --expect); with probe,
    /// its functions of the same names are called with the same inputs, and each
    /// function whose calls end otherwise is a wrong_output finding
    #[arg(long, value_name = "FILE", conflicts_with = "expect")]
    reference: Option<PathBuf>,
    /// (probe) Start no call of the snippet's functions once DURATION has passed since the
    /// first; the report counts the calls not made [default: 5s]
    #[arg(long, value_name = "DURATION", value_parser = super::options::probe_budget)]
    probe_budget: Option<std::time::Duration>,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum RunFormat {
    Text,
    Json,
}

pub(crate) fn run(args: RunArgs) -> Result<Exit, Exit> {
    if args.probe_budget.is_some() {
        return Err(Exit::usage(
            "--probe-budget limits the calls candor probe makes: use it with probe",
        ));
    }
    run_as(args, false)
}

/// `candor probe`: a run, then a second one whose output must be the same
/// (see [`candor::probe::Probes::determinism`]).
pub(crate) fn probe(args: RunArgs) -> Result<Exit, Exit> {
    if args.deterministic {
        return Err(Exit::usage(
            "probe compares two runs, which --deterministic makes the same: leave it out",
        ));
    }
    run_as(args, true)
}

fn run_as(args: RunArgs, probing: bool) -> Result<Exit, Exit> {
    let language = match &args.lang {
        Some(name) => Some(Language::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = Language::ALL.iter().map(|l| l.name()).collect();
            Exit::usage(format!(
                "unknown language {name:?} (known: {})",
                known.join(", ")
            ))
        })?),
        None => None,
    };
    let limits = args.limits.limits();
    let snippet_on_stdin = args.file.as_os_str() == "-";
    let mut snippet = if snippet_on_stdin {
        let language =
            language.ok_or_else(|| Exit::usage("reading a snippet from stdin needs --lang"))?;
        if args.stdin.as_deref() == Some(Path::new("-")) {
            return Err(Exit::usage(
                "the snippet (run -) and --stdin - cannot both be read from the standard input",
            ));
        }
        let bytes = super::stdin::read(candor::MAX_SOURCE_BYTES, "a source file")?;
        if bytes.is_empty() {
            return Err(Exit::usage(
                "no snippet on stdin: the standard input was empty (run - reads the snippet from it)",
            ));
        }
        // the snippet is named `-`; an error says where its bytes came from
        Snippet::from_bytes(language, "-", bytes)
            .map_err(|e| Exit::usage(e.to_string().replacen("reading -:", "reading stdin:", 1)))?
    } else {
        Snippet::from_path(&args.file, language)?
    };
    snippet.stdin = guest_stdin(args.stdin.as_deref(), snippet_on_stdin, &limits)?;
    snippet.args = args.args.clone();
    snippet.env = args.env.clone();
    snippet.mounts = args.mounts.clone();
    snippet.runtime = args.runtime.clone();
    let mut probes = candor::probe::Probes::default().determinism(probing);
    if probing {
        probes = probes
            .calls(candor::probe::DEFAULT_CALLS)
            .budget(args.probe_budget.unwrap_or(candor::probe::DEFAULT_BUDGET));
    }
    if let Some(path) = &args.expect {
        let bytes = candor::read_input_file(path, candor::MAX_SOURCE_BYTES, "an expected output")?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Exit::usage(format!(
                "reading {}: invalid UTF-8 at byte {}",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })?;
        probes = probes.expect_stdout(text);
    }

    let sandbox = Sandbox::builder()
        .limits(limits)
        .deterministic(args.deterministic)
        .detection(!args.no_detect)
        .strict(args.strict)
        .preload(&[snippet.language])
        .concurrent_runs(1)
        .on_compile(super::options::compile_notice)
        .build()?;
    if let Some(path) = &args.reference {
        let reference = reference_snippet(path, &snippet)?;
        probes = probes.expect(reference_output(&sandbox, path, &reference)?);
        if probing {
            // the functions of both, called with the same inputs
            probes =
                probes.compare_calls_with(reference, format!("the reference {}", path.display()));
        }
    }
    let report = candor::probe::run_blocking(&sandbox, &snippet, &probes)?;
    match args.format {
        RunFormat::Text => print_stdout(&candor::report::render_text(&report, &snippet.code)),
        RunFormat::Json => {
            let json =
                serde_json::to_string_pretty(&report).map_err(|e| Exit::Internal(e.to_string()))?;
            print_stdout(&(json + "\n"));
        }
    }
    Ok(Exit::for_report(&report, args.fail_on.threshold()))
}

/// The reference program at `path`, given what `snippet` is given.
fn reference_snippet(path: &Path, snippet: &Snippet) -> Result<Snippet, Exit> {
    let mut reference = Snippet::from_path(path, None)?;
    reference.stdin = snippet.stdin.clone();
    reference.args = snippet.args.clone();
    reference.env = snippet.env.clone();
    reference.mounts = snippet.mounts.clone();
    if reference.language == snippet.language {
        reference.runtime = snippet.runtime.clone();
    }
    Ok(reference)
}

/// Runs `reference` (the program at `path`): what the snippet is then
/// expected to do, its stdout or its failure. A reference stopped by a
/// limit is a usage error: there is nothing to compare with.
fn reference_output(sandbox: &Sandbox, path: &Path, reference: &Snippet) -> Result<Expected, Exit> {
    let report = sandbox.run_blocking(reference)?;
    if report.outcome.is_limit() {
        return Err(Exit::usage(format!(
            "the reference {} did not finish ({}): there is nothing to compare with",
            path.display(),
            candor::report::failure_reason(&report)
        )));
    }
    if report.outcome != candor::Outcome::Completed {
        return Ok(Expected::Failure {
            reason: candor::report::failure_reason(&report),
            from: format!("the reference {}", path.display()),
        });
    }
    Ok(Expected::Stdout {
        text: report.stdout,
        from: format!("the output of the reference {}", path.display()),
    })
}

/// The bytes the guest reads on stdin: `--stdin FILE` (a regular file), `--stdin -`
/// (candor's stdin), or else candor's stdin when it is not a terminal and the
/// snippet was not read from it (`candor run x.py < data.txt`). Each is capped
/// at the memory limit; stdin read without being asked for must also end
/// within the run's timeout (at least a second).
fn guest_stdin(
    flag: Option<&Path>,
    snippet_on_stdin: bool,
    limits: &Limits,
) -> Result<Vec<u8>, Exit> {
    match flag {
        Some(path) if path.as_os_str() == "-" => super::stdin::read(limits.memory, GUEST_STDIN),
        Some(path) => candor::read_input_file(path, limits.memory, GUEST_STDIN).map_err(|e| {
            let pipe = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
            let hint = if pipe {
                " (to pass a pipe or device, use --stdin - and redirect it)"
            } else {
                ""
            };
            Exit::usage(format!("--stdin: {e}{hint}"))
        }),
        None if !snippet_on_stdin && !std::io::stdin().is_terminal() => {
            let deadline = limits.timeout.max(std::time::Duration::from_secs(1));
            super::stdin::read_within(limits.memory, GUEST_STDIN, deadline)
        }
        None => Ok(Vec::new()),
    }
}
