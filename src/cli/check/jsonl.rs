//! `candor check --jsonl`: one JSON snippet per input line, one report per
//! output line with the same `id`, in input order, streamed as they finish.

use super::Sink;
use super::request::{self, Cap, Caps};
use crate::cli::exit::{Exit, is_internal};
use candor::{Language, Limits, Report, Sandbox, Severity, Snippet};
use futures::{FutureExt, StreamExt};
use serde::Serialize;
use std::io::{BufRead, Read};

/// The longest input line read: 64 MiB (a line holds the code, at most
/// [`candor::MAX_SOURCE_BYTES`], and the stdin, escaped). A longer line is
/// answered with an error and ends the input: what follows it cannot be
/// trusted to start a line.
pub(crate) const MAX_LINE_BYTES: u64 = 64 << 20;

/// One input line as read: its text, or why it could not be read.
type ReadLine = Result<String, String>;

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
    given: &std::sync::Arc<super::Given>,
    jobs: usize,
    fail_on: Option<Severity>,
    sink: &mut Sink,
) -> Result<Exit, Exit> {
    let reader: Box<dyn BufRead + Send> = if source == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(open(source)?))
    };
    // read lines on a thread of their own, so that answers stream while input still arrives
    let (sender, receiver) = tokio::sync::mpsc::channel::<(usize, ReadLine)>(jobs * 4);
    std::thread::spawn(move || {
        read_lines(reader, MAX_LINE_BYTES, |number, line| {
            sender.blocking_send((number, line)).is_ok()
        })
    });
    let caps = std::sync::Arc::new(caps(sandbox.limits()));
    let lines = futures::stream::unfold(receiver, |mut r| async { r.recv().await.map(|x| (x, r)) });
    let answers = lines
        .filter(|(_, line)| std::future::ready(!matches!(line, Ok(l) if l.trim().is_empty())))
        .map(|(number, line)| {
            let sandbox = sandbox.clone();
            let caps = std::sync::Arc::clone(&caps);
            let given = std::sync::Arc::clone(given);
            // a run that panicked is answered against its line, and the others go on
            tokio::spawn(async move { answer(&sandbox, &caps, &given, number, line).await }).map(
                move |joined| {
                    joined.unwrap_or_else(|e| {
                        Answer::bad(
                            serde_json::Value::Null,
                            number,
                            format!("internal error: {e}"),
                            true,
                        )
                    })
                },
            )
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

/// Opens `--jsonl FILE`: a regular file or a stream (a pipe, `<(...)`), not a directory.
fn open(source: &str) -> Result<std::fs::File, Exit> {
    let fail = |why: String| Exit::usage(format!("reading --jsonl {source}: {why}"));
    let file = std::fs::File::open(source).map_err(|e| fail(e.to_string()))?;
    match file.metadata() {
        Ok(meta) if meta.is_dir() => Err(fail("is a directory, not a file".to_string())),
        Ok(_) => Ok(file),
        Err(e) => Err(fail(e.to_string())),
    }
}

/// Reads `reader` line by line, at most `max` bytes a line, and gives each
/// line with its number to `take` until `take` returns false. A line over
/// `max`, or a read error, is given as an error and ends the reading.
fn read_lines(mut reader: impl BufRead, max: u64, mut take: impl FnMut(usize, ReadLine) -> bool) {
    let mut buffer = Vec::new();
    for number in 1.. {
        buffer.clear();
        let read = (&mut reader).take(max + 1).read_until(b'\n', &mut buffer);
        let (line, last) = match read {
            Ok(0) => return,
            Ok(_) if buffer.last() == Some(&b'\n') => {
                buffer.pop();
                if buffer.last() == Some(&b'\r') {
                    buffer.pop();
                }
                (text(&buffer), false)
            }
            Ok(_) if buffer.len() as u64 > max => (
                Err(format!(
                    "longer than {}, the most candor reads for a line; the rest of the input is not read",
                    Limits::format_size(max)
                )),
                true,
            ),
            Ok(_) => (text(&buffer), true),
            Err(e) => (Err(format!("reading the input: {e}")), true),
        };
        if !take(number, line) || last {
            return;
        }
    }
}

/// A line's bytes as text, or where they stop being UTF-8.
fn text(bytes: &[u8]) -> ReadLine {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
}

/// The caps on a line's code and stdin, under the sandbox's `limits`.
fn caps(limits: &Limits) -> Caps {
    let source = candor::MAX_SOURCE_BYTES;
    Caps {
        code: Cap {
            bytes: usize::try_from(source).unwrap_or(usize::MAX),
            shown: format!(
                "{}, the most candor reads for a source file",
                Limits::format_size(source)
            ),
        },
        stdin: Cap {
            bytes: usize::try_from(limits.memory).unwrap_or(usize::MAX),
            shown: format!(
                "{}, the most candor gives a guest on stdin (the memory limit)",
                Limits::format_size(limits.memory)
            ),
        },
    }
}

async fn answer(
    sandbox: &Sandbox,
    caps: &Caps,
    given: &super::Given,
    number: usize,
    line: ReadLine,
) -> Answer {
    let line = match line {
        Ok(l) => l,
        Err(why) => {
            return Answer::bad(serde_json::Value::Null, number, why, false);
        }
    };
    let request = match request::parse(&line, caps, Language::from_name) {
        Ok(r) => r,
        Err(rejected) => return Answer::bad(rejected.id, number, rejected.why, false),
    };
    let mut snippet = match Snippet::from_bytes(request.language, request.name, request.code) {
        Ok(snippet) => snippet,
        Err(e) => return Answer::bad(request.id, number, e, false),
    };
    snippet.stdin = request.stdin;
    snippet.args = request.args;
    snippet.env = request.env;
    given.apply(&mut snippet);
    let mut probes = given.probes();
    if let Some(stdout) = request.expected_stdout {
        probes = probes.expect_stdout(stdout);
    }
    match candor::probe::run(sandbox, &snippet, &probes).await {
        Ok(report) => Answer::Ran(request.id, report),
        Err(e) => {
            let internal = is_internal(&e);
            Answer::bad(request.id, number, e, internal)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: u64) -> Vec<(usize, ReadLine)> {
        let mut got = Vec::new();
        read_lines(input, max, |n, l| {
            got.push((n, l));
            true
        });
        got
    }

    #[test]
    fn lines_are_read_up_to_the_cap() {
        assert_eq!(
            lines(b"ab\r\ncd\n\nef", 4),
            [
                (1, Ok("ab".to_string())),
                (2, Ok("cd".to_string())),
                (3, Ok(String::new())),
                (4, Ok("ef".to_string()))
            ]
        );
        assert_eq!(lines(b"abcd\n", 4), [(1, Ok("abcd".to_string()))]);
        let got = lines(b"ab\nabcde\nzz\n", 4);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1].1.as_ref().unwrap_err(),
            "longer than 4 bytes, the most candor reads for a line; the rest of the input is not read"
        );
        assert_eq!(
            lines(b"a\xffb\nc", 4),
            [
                (1, Err("invalid UTF-8 at byte 1".to_string())),
                (2, Ok("c".to_string()))
            ]
        );
    }
}
