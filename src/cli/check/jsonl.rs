//! `candor check --jsonl`: one JSON snippet per input line, one report per
//! output line with the same `id`, in input order, streamed as they finish.

use super::Sink;
use crate::cli::exit::{Exit, is_internal};
use candor::{Language, Report, Sandbox, Severity, Snippet};
use futures::{FutureExt, StreamExt};
use serde::{Deserialize, Serialize};
use std::io::BufRead;

/// One input line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    id: serde_json::Value,
    language: String,
    code: String,
    #[serde(default)]
    stdin: Option<String>,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    env: std::collections::BTreeMap<String, String>,
}

/// One output line for a line that ran.
#[derive(Serialize)]
struct Identified<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    report: &'a Report,
}

/// One output line for a line that could not run.
#[derive(Serialize)]
struct LineError<'a> {
    id: &'a serde_json::Value,
    line: usize,
    error: String,
}

enum Answer {
    Ran(serde_json::Value, Report),
    /// A line that could not be run.
    Bad {
        id: serde_json::Value,
        line: usize,
        error: String,
        /// Whether candor itself failed (rather than the line).
        internal: bool,
    },
}

impl Answer {
    /// Line `line` (whose id is `id`) could not be run, because of `why`.
    fn bad(
        id: serde_json::Value,
        line: usize,
        why: impl std::fmt::Display,
        internal: bool,
    ) -> Self {
        Answer::Bad {
            id,
            line,
            error: format!("line {line}: {why}"),
            internal,
        }
    }
}

pub(crate) async fn run(
    sandbox: &Sandbox,
    source: &str,
    jobs: usize,
    fail_on: Option<Severity>,
    sink: &mut Sink,
) -> Result<Exit, Exit> {
    let reader: Box<dyn BufRead + Send> = if source == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(source)
            .map_err(|e| Exit::usage(format!("reading --jsonl {source}: {e}")))?;
        Box::new(std::io::BufReader::new(file))
    };
    // read lines on a thread of their own, so that answers stream while input still arrives
    let (sender, receiver) =
        tokio::sync::mpsc::channel::<(usize, std::io::Result<String>)>(jobs * 4);
    std::thread::spawn(move || {
        for (index, line) in reader.lines().enumerate() {
            if sender.blocking_send((index + 1, line)).is_err() {
                break;
            }
        }
    });
    let lines = futures::stream::unfold(receiver, |mut r| async { r.recv().await.map(|x| (x, r)) });
    let answers = lines
        .filter(|(_, line)| std::future::ready(!matches!(line, Ok(l) if l.trim().is_empty())))
        .map(|(number, line)| {
            let sandbox = sandbox.clone();
            // a run that panicked is answered against its line, and the others go on
            tokio::spawn(async move { answer(&sandbox, number, line).await }).map(move |joined| {
                joined.unwrap_or_else(|e| {
                    Answer::bad(
                        serde_json::Value::Null,
                        number,
                        format!("internal error: {e}"),
                        true,
                    )
                })
            })
        })
        .buffered(jobs + super::RUN_AHEAD);
    let mut answers = std::pin::pin!(answers);
    let mut worst = Exit::Clean;
    while let Some(answer) = answers.next().await {
        let text = match &answer {
            Answer::Ran(id, report) => {
                worst = worst.max(Exit::for_report(report, fail_on));
                serde_json::to_string(&Identified { id, report })
            }
            Answer::Bad {
                id,
                line,
                error,
                internal,
            } => {
                worst = worst.max(Exit::unrunnable(*internal));
                serde_json::to_string(&LineError {
                    id,
                    line: *line,
                    error: error.clone(),
                })
            }
        }
        .map_err(|e| Exit::Internal(e.to_string()))?;
        sink.write(&(text + "\n"))?;
    }
    Ok(worst)
}

async fn answer(sandbox: &Sandbox, number: usize, line: std::io::Result<String>) -> Answer {
    let line = match line {
        Ok(l) => l,
        Err(e) => {
            return Answer::bad(serde_json::Value::Null, number, e, false);
        }
    };
    let request: Request = match serde_json::from_str(&line) {
        Ok(r) => r,
        Err(e) => {
            // keep the id when the line is an object that has one
            let id = serde_json::from_str::<serde_json::Value>(&line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            return Answer::bad(id, number, e, false);
        }
    };
    let Some(language) = Language::from_name(&request.language) else {
        let why = format!("unknown language {:?}", request.language);
        return Answer::bad(request.id, number, why, false);
    };
    let name = match &request.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut snippet = Snippet::new(language, name, request.code);
    snippet.stdin = request.stdin.unwrap_or_default().into_bytes();
    snippet.args = request.args;
    snippet.env = request.env.into_iter().collect();
    match sandbox.run(&snippet).await {
        Ok(report) => Answer::Ran(request.id, report),
        Err(e) => {
            let internal = is_internal(&e);
            Answer::bad(request.id, number, e, internal)
        }
    }
}
