//! `candor run`: one snippet, one report.

use super::exit::{Exit, print_stdout};
use super::options::{FailOn, LimitArgs, env_pair};
use candor::{Language, Sandbox, Snippet};
use clap::{Args, ValueEnum};
use std::io::Read;
use std::path::PathBuf;

#[derive(Args)]
pub(crate) struct RunArgs {
    /// The snippet to run, or - to read it from stdin (then --lang is required)
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Language of the snippet: python, javascript or typescript [default: from the file extension]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    #[command(flatten)]
    limits: LimitArgs,
    /// Environment variable for the guest (repeatable); the host's are never passed
    #[arg(long, value_name = "KEY=VALUE", value_parser = env_pair)]
    env: Vec<(String, String)>,
    /// File whose bytes the guest reads on stdin
    #[arg(long, value_name = "FILE")]
    stdin: Option<PathBuf>,
    /// Argument for the guest, after its name (repeatable)
    #[arg(long = "arg", value_name = "ARG", allow_hyphen_values = true)]
    args: Vec<String>,
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
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum RunFormat {
    Text,
    Json,
}

pub(crate) fn run(args: RunArgs) -> Result<Exit, Exit> {
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
    let mut snippet = if args.file.as_os_str() == "-" {
        let language =
            language.ok_or_else(|| Exit::usage("reading a snippet from stdin needs --lang"))?;
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Exit::usage(format!("reading the snippet from stdin: {e}")))?;
        Snippet::new(language, "-", candor::source_text(bytes, "stdin")?)
    } else {
        Snippet::from_path(&args.file, language)?
    };
    if let Some(path) = &args.stdin {
        snippet.stdin = std::fs::read(path)
            .map_err(|e| Exit::usage(format!("reading --stdin {}: {e}", path.display())))?;
    }
    snippet.args = args.args.clone();
    snippet.env = args.env.clone();

    let sandbox = Sandbox::builder()
        .limits(args.limits.limits())
        .deterministic(args.deterministic)
        .detection(!args.no_detect)
        .preload(&[snippet.language])
        .concurrent_runs(1)
        .on_compile(super::options::compile_notice)
        .build()?;
    let report = sandbox.run_blocking(&snippet)?;
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
