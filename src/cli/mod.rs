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
    /// swallowed_exception, latent_swallow, compiler_warning) and exit.
    #[arg(long, value_name = "KIND")]
    explain: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run one snippet in the sandbox and report what it hid.
    Run(run::RunArgs),
    /// Run many snippets (files, directories, or JSON lines) and report for CI.
    Check(check::CheckArgs),
    /// List the guest runtimes and where their compiled forms are cached.
    Runtimes,
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
        (None, Some(Command::Runtimes)) => runtimes(),
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
