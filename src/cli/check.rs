//! `candor check`: many snippets on one shared runtime, results in a stable
//! order, in the format a CI system reads.

mod discover;
mod jsonl;
mod request;

use super::exit::{Exit, is_internal};
use super::options::{FailOn, LimitArgs};
use candor::report::CheckEntry;
use candor::{Language, Mount, Sandbox, Snippet};
use clap::{Args, ValueEnum};
use futures::{FutureExt, StreamExt};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Args)]
pub(crate) struct CheckArgs {
    /// Files and directories to check (directories are walked, honouring .gitignore)
    #[arg(value_name = "PATH", required_unless_present = "jsonl")]
    paths: Vec<PathBuf>,
    /// Snippets to run in parallel, 1 to 128 [default: the number of cores]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=candor::MAX_CONCURRENT_RUNS as i64))]
    jobs: Option<u16>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Write the result to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Lowest finding severity that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Only check files matching GLOB (repeatable; matched against the path below each PATH)
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip files matching GLOB (repeatable)
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Read snippets as JSON lines ({"id", "language", "code", "stdin"?, "args"?}) from FILE or -,
    /// and write one report per line, with its id, in input order
    #[arg(long, value_name = "FILE|-", conflicts_with = "paths")]
    jsonl: Option<String>,
    #[command(flatten)]
    limits: LimitArgs,
    /// Host directory every snippet may read, read-only, at GUEST_DIR [default: /data] (repeatable)
    #[arg(long = "mount", value_name = "HOST_DIR[:GUEST_DIR]", value_parser = super::options::mount)]
    mounts: Vec<Mount>,
    /// Fix the guest's clock and random seeds
    #[arg(long)]
    deterministic: bool,
    /// When a handler swallows an exception, run the snippet again with it re-raising and say
    /// on each finding what the error would have done (one more run per such handler, at most 8)
    #[arg(long)]
    strict: bool,
    /// The runtime to run snippets of its languages on, by name (`candor runtimes` lists them);
    /// snippets in other languages run on their own [default: each language's]
    #[arg(long, value_name = "NAME")]
    runtime: Option<String>,
    /// Run each snippet a second time with its clock and random source fixed, as `candor
    /// probe` does: output that differs is a nondeterministic_output warning
    #[arg(long, conflicts_with = "deterministic")]
    probe: bool,
    /// With --probe: start no call of a snippet's functions once DURATION has passed since the
    /// first [default: 5s]
    #[arg(long, value_name = "DURATION", requires = "probe", value_parser = super::options::probe_budget)]
    probe_budget: Option<std::time::Duration>,
}

/// What every snippet of a check is given besides its own code.
pub(crate) struct Given {
    pub(crate) mounts: Vec<Mount>,
    /// `--runtime`: its name and the languages it runs.
    pub(crate) runtime: Option<(String, &'static [Language])>,
    /// `--probe`: check that each snippet's output repeats.
    pub(crate) probe: bool,
    /// `--probe-budget`, or the default.
    pub(crate) probe_budget: std::time::Duration,
}

impl Given {
    /// Gives `snippet` the mounts, and the runtime when it runs its language.
    pub(crate) fn apply(&self, snippet: &mut Snippet) {
        snippet.mounts = self.mounts.clone();
        if let Some((name, languages)) = &self.runtime
            && languages.contains(&snippet.language)
        {
            snippet.runtime = Some(name.clone());
        }
    }

    /// What is checked besides each run: the determinism check when asked for.
    pub(crate) fn probes(&self) -> candor::probe::Probes {
        let probes = candor::probe::Probes::default().determinism(self.probe);
        if self.probe {
            probes
                .calls(candor::probe::DEFAULT_CALLS)
                .budget(self.probe_budget)
        } else {
            probes
        }
    }
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
enum CheckFormat {
    Text,
    Json,
    Sarif,
    Junit,
    Github,
}

pub(crate) fn check(args: CheckArgs) -> Result<Exit, Exit> {
    let jobs = args
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .min(candor::MAX_CONCURRENT_RUNS as usize);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(jobs)
        .enable_all()
        .build()
        .map_err(|e| Exit::Internal(format!("starting the async runtime: {e}")))?;
    let sandbox = Sandbox::builder()
        .limits(args.limits.limits())
        .deterministic(args.deterministic)
        .strict(args.strict)
        .preload(&[])
        .concurrent_runs(jobs as u32)
        .on_compile(super::options::compile_notice)
        .build()?;
    let mut sink = Sink::open(args.output.as_deref())?;
    let chosen = match args.runtime {
        Some(name) => match candor::runtime_languages(&name) {
            Some(languages) => Some((name, languages)),
            None => {
                return Err(Exit::usage(format!(
                    "unknown runtime {name:?} (`candor runtimes` lists them)"
                )));
            }
        },
        None => None,
    };
    let given = Arc::new(Given {
        mounts: args.mounts,
        runtime: chosen,
        probe: args.probe,
        probe_budget: args.probe_budget.unwrap_or(candor::probe::DEFAULT_BUDGET),
    });
    if let Some(source) = &args.jsonl {
        return runtime.block_on(jsonl::run(
            &sandbox,
            source,
            &given,
            jobs,
            args.fail_on.threshold(),
            &mut sink,
        ));
    }

    let inputs = discover::inputs(&args.paths, &args.include, &args.exclude)?;
    let progress = (args.format == CheckFormat::Text
        && args.output.is_none()
        && std::io::stdout().is_terminal())
    .then(|| progress_bar(inputs.len() as u64));
    let entries = runtime.block_on(run_all(&sandbox, inputs, &given, jobs, progress.as_ref()));
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }

    let fail_on = args.fail_on.threshold();
    let rendered = match args.format {
        CheckFormat::Text => render_text(&entries),
        CheckFormat::Json => candor::report::render_check_json(&entries),
        CheckFormat::Sarif => {
            let base = std::env::current_dir().unwrap_or_default();
            candor::report::render_sarif(&entries, &base)
        }
        CheckFormat::Junit => candor::report::render_junit(&entries, fail_on),
        CheckFormat::Github => candor::report::render_github(&entries),
    };
    sink.write(&rendered)?;
    Ok(worst_exit(&entries, fail_on))
}

/// The highest exit any entry calls for. Unreadable entries print nothing more:
/// their reason is already in the output.
fn worst_exit(entries: &[CheckEntry], fail_on: Option<candor::Severity>) -> Exit {
    entries
        .iter()
        .map(|e| match e {
            CheckEntry::Ran { report, .. } => Exit::for_report(report, fail_on),
            CheckEntry::Unreadable { internal, .. } => Exit::unrunnable(*internal),
        })
        .max()
        .unwrap_or(Exit::Clean)
}

/// Runs started ahead of the oldest unfinished one, beyond `jobs`: the sandbox
/// runs at most `jobs` at once, and the finished ones wait for their turn in
/// the output, so that one slow snippet does not leave the other jobs idle.
/// Bounds the reports held back to `jobs + RUN_AHEAD`.
pub(crate) const RUN_AHEAD: usize = 64;

/// Runs every input on `jobs` tasks; results come back in input order.
async fn run_all(
    sandbox: &Sandbox,
    inputs: Vec<discover::Input>,
    given: &Arc<Given>,
    jobs: usize,
    progress: Option<&ProgressBar>,
) -> Vec<CheckEntry> {
    let mut findings = 0usize;
    futures::stream::iter(inputs)
        .map(|input| {
            let sandbox = sandbox.clone();
            let given = Arc::clone(given);
            let file = input.key();
            // a run that panicked is recorded against its file, and the others go on
            tokio::spawn(async move { run_one(&sandbox, input, &given).await }).map(|joined| {
                joined.unwrap_or_else(|e| CheckEntry::Unreadable {
                    file,
                    error: format!("internal error: {e}"),
                    internal: true,
                })
            })
        })
        .buffered(jobs + RUN_AHEAD)
        .map(|entry| {
            if let (Some(bar), CheckEntry::Ran { report, .. }) = (progress, &entry) {
                findings += report.findings.len();
                bar.set_message(format!("{findings} findings"));
            }
            if let Some(bar) = progress {
                bar.inc(1);
            }
            entry
        })
        .collect()
        .await
}

async fn run_one(sandbox: &Sandbox, input: discover::Input, given: &Given) -> CheckEntry {
    let path = match input {
        discover::Input::Missing { file, error } => {
            return CheckEntry::Unreadable {
                file,
                error,
                internal: false,
            };
        }
        discover::Input::File(path) => path,
    };
    let mut snippet = match Snippet::from_path(&path, None) {
        Ok(s) => s,
        Err(e) => {
            return CheckEntry::Unreadable {
                file: path.display().to_string(),
                error: e.to_string(),
                internal: false,
            };
        }
    };
    given.apply(&mut snippet);
    match candor::probe::run(sandbox, &snippet, &given.probes()).await {
        Ok(report) => CheckEntry::Ran {
            report,
            source: snippet.code,
        },
        Err(e) => CheckEntry::Unreadable {
            file: snippet.file,
            internal: is_internal(&e),
            error: e.to_string(),
        },
    }
}

fn progress_bar(total: u64) -> ProgressBar {
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg} [{elapsed}]")
    {
        bar.set_style(style);
    }
    bar.set_message("0 findings");
    bar
}

fn render_text(entries: &[CheckEntry]) -> String {
    candor::report::render_check_text(entries)
}

/// Where results go: stdout (a closed pipe is not an error) or a file.
pub(crate) struct Sink {
    file: Option<(PathBuf, std::fs::File)>,
}

impl Sink {
    fn open(path: Option<&std::path::Path>) -> Result<Sink, Exit> {
        let file = match path {
            None => None,
            Some(p) => Some((
                p.to_path_buf(),
                std::fs::File::create(p)
                    .map_err(|e| Exit::usage(format!("creating --output {}: {e}", p.display())))?,
            )),
        };
        Ok(Sink { file })
    }

    pub(crate) fn write(&mut self, text: &str) -> Result<(), Exit> {
        match &mut self.file {
            None => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(text.as_bytes());
                let _ = out.flush();
                Ok(())
            }
            Some((path, file)) => file
                .write_all(text.as_bytes())
                .and_then(|()| file.flush())
                .map_err(|e| Exit::Internal(format!("writing {}: {e}", path.display()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unreadable(internal: bool) -> CheckEntry {
        CheckEntry::Unreadable {
            file: "x.py".into(),
            error: "why".into(),
            internal,
        }
    }

    #[test]
    fn candor_failing_is_exit_5_and_bad_input_exit_2() {
        assert_eq!(worst_exit(&[], None).code(), 0);
        assert_eq!(worst_exit(&[unreadable(false)], None).code(), 2);
        assert_eq!(worst_exit(&[unreadable(true)], None).code(), 5);
        assert_eq!(
            worst_exit(&[unreadable(true), unreadable(false)], None).code(),
            5
        );
    }
}
