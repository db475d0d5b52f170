//! What the runtimes that run a user's program as a WASI command (`wasm`,
//! `native`) share: the program's arguments and directories, and how its
//! exit reads.

use crate::error::Result;
use crate::report::Outcome;
use crate::runtimes::runtime::RunContext;
use crate::runtimes::{Snippet, mount};
use crate::sandbox::execution::{Execution, Invocation, execute_module};
use crate::sandbox::guest::GuestState;
use wasmtime::InstancePre;
use wasmtime_wasi::p1::WasiP1Ctx;

/// What a command program sees: `argv` (its file name, then `--arg`s) and
/// its mounts, with the snippet's environment and stdin.
pub(crate) struct CommandInput {
    argv: Vec<String>,
    read_only: Vec<(std::path::PathBuf, String)>,
}

impl CommandInput {
    pub(crate) fn of(snippet: &Snippet) -> Self {
        let mut argv = vec![snippet.file.clone()];
        argv.extend(snippet.args.iter().cloned());
        CommandInput {
            argv,
            read_only: mount::preopens(&snippet.mounts),
        }
    }

    /// The invocation of the program, under the run's settings.
    pub(crate) fn invocation<'a>(
        &'a self,
        snippet: &'a Snippet,
        cx: &RunContext<'_>,
    ) -> Invocation<'a> {
        Invocation {
            args: &self.argv,
            env: &snippet.env,
            stdin: &snippet.stdin,
            determinism: cx.settings.determinism,
            read_only: &self.read_only,
        }
    }
}

/// Runs a linked WASI preview-1 command program for `snippet`.
pub(crate) async fn run_module(
    pre: &InstancePre<GuestState<WasiP1Ctx>>,
    snippet: &Snippet,
    cx: &RunContext<'_>,
) -> Result<Execution> {
    let input = CommandInput::of(snippet);
    execute_module(cx.engine, pre, &input.invocation(snippet, cx), cx.limits).await
}

/// Makes a non-zero exit status a failure.
pub(crate) fn fail_on_nonzero_exit(execution: &mut Execution) {
    if execution.outcome == Outcome::Completed && execution.exit_code.is_some_and(|c| c != 0) {
        execution.outcome = Outcome::Failed;
    }
}

/// Appends `text` to what the program wrote to stderr, on a line of its own.
pub(crate) fn append_to_stderr(execution: &mut Execution, text: &str) {
    let stderr = &mut execution.stderr;
    if !stderr.is_empty() && !stderr.ends_with(b"\n") {
        stderr.push(b'\n');
    }
    stderr.extend_from_slice(text.as_bytes());
}
