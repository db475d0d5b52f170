//! What the command line and the host read before a run: limit values out of
//! range, input files that never end or are not files, stdin, and JSONL lines
//! and options the guest cannot take. Each must end, quickly, in a one-line
//! error (exit 2) or a report; none may hang or grow the host's memory.

mod common;

use common::{Run, assert_contains, scratch};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest any invocation here may take (a first run compiles its runtime);
/// past it the child is killed and the test fails instead of hanging.
const GUARD: Duration = Duration::from_secs(120);

/// What candor's stdin is.
enum Input<'a> {
    Null,
    Bytes(&'a [u8]),
    File(&'a Path),
    /// A pipe that is never written to or closed while candor runs.
    IdlePipe,
}

/// Runs `candor ARGS` in `dir` with `input` as its stdin, killing it (and
/// failing) when it has not ended within [`GUARD`].
fn candor(dir: &Path, args: &[&str], input: Input) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_candor"));
    cmd.args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut to_write = None;
    match input {
        Input::Null => {
            cmd.stdin(Stdio::null());
        }
        Input::Bytes(bytes) => {
            cmd.stdin(Stdio::piped());
            to_write = Some(bytes.to_vec());
        }
        Input::File(path) => {
            cmd.stdin(std::fs::File::open(path).expect("the stdin file opens"));
        }
        Input::IdlePipe => {
            cmd.stdin(Stdio::piped());
        }
    }
    let mut child = cmd.spawn().expect("candor starts");
    // held open (and unwritten) until the child has ended, for IdlePipe
    let mut held_stdin = child.stdin.take();
    if let Some(bytes) = to_write {
        let mut stdin = held_stdin.take().expect("a piped stdin");
        std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
    }
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            let _ = pipe.read_to_end(&mut text);
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("candor {args:?} did not end within {GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(held_stdin);
    Run {
        code: status
            .code()
            .expect("candor exits with a code, not a signal"),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// Asserts exit 2 with one error line on stderr containing `needle`.
#[track_caller]
fn assert_usage_error(run: &Run, needle: &str) {
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "one error line, not:\n{}",
        run.stderr
    );
    assert!(run.stderr.starts_with("candor: error: "), "{}", run.stderr);
    assert_contains(&run.stderr, needle);
}

fn with_hello(dir: &Path) {
    std::fs::write(dir.join("hello.py"), "print('hello')\n").unwrap();
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

// ---- #6, #17: limit values out of range are usage errors naming the value ----

#[test]
fn limit_values_out_of_range_are_one_line_usage_errors() {
    let dir = scratch();
    with_hello(dir.path());
    let cases: &[(&str, &str, &str)] = &[
        ("--timeout", "1e20", r#"invalid duration "1e20": too long"#),
        (
            "--timeout",
            "1e300",
            r#"invalid duration "1e300": too long"#,
        ),
        ("--timeout", "inf", "expected a finite number of seconds"),
        ("--timeout", "NaN", "expected a finite number of seconds"),
        (
            "--timeout",
            "-1",
            r#"invalid duration "-1": must be positive"#,
        ),
        (
            "--timeout",
            "0",
            r#"invalid duration "0": must be positive"#,
        ),
        ("--timeout", "99999999999999999999s", "too long"),
        ("--timeout", "2days", "over the longest allowed (1day)"),
        ("--fuel", "-1", r#"invalid fuel "-1": must be positive"#),
        ("--fuel", "0", r#"invalid fuel "0": must be positive"#),
        ("--fuel", "1e30", r#"invalid fuel "1e30": too large"#),
        ("--fuel", "18446744073709551616", "too large"),
        ("--fuel", "nan", "expected a positive whole number"),
        ("--fuel", "1.5", "expected a positive whole number"),
        (
            "--memory",
            "1",
            "a memory limit of 1 byte is below the least a guest can start in (1 MiB)",
        ),
        (
            "--memory",
            "1023KiB",
            "below the least a guest can start in",
        ),
        ("--memory", "-1", r#"invalid size "-1": must be positive"#),
        (
            "--memory",
            "0",
            r#"invalid size "0": must be at least 1 byte"#,
        ),
        ("--memory", "5GiB", "over the most a guest can have (4 GiB)"),
        ("--memory", "1e30", r#"invalid size "1e30": too large"#),
        ("--memory", "nan", "expected a number and a unit"),
        ("--max-output", "1e30", r#"invalid size "1e30": too large"#),
        (
            "--max-output",
            "2GiB",
            "an output limit of 2 GiB is over the most allowed (1 GiB)",
        ),
        ("--max-output", "-1", "must be positive"),
        ("--max-output", "99999999999999999999", "too large"),
    ];
    for (flag, value, needle) in cases {
        for command in ["run", "check"] {
            let run = candor(dir.path(), &[command, "hello.py", flag, value], Input::Null);
            assert_usage_error(&run, needle);
            assert_contains(&run.stderr, &format!("for '{flag} <"));
        }
    }
}

#[test]
fn the_smallest_memory_limit_ends_in_a_report_not_a_trap() {
    let dir = scratch();
    with_hello(dir.path());
    std::fs::write(dir.path().join("hello.js"), "console.log('hello')\n").unwrap();
    for file in ["hello.py", "hello.js"] {
        let run = candor(
            dir.path(),
            &["run", file, "--memory", "1MiB", "--format", "json"],
            Input::Null,
        );
        assert_eq!(run.code, 4, "{file}: {}", run.stderr);
        let report = run.json();
        assert_eq!(report["outcome"], "memory_exceeded", "{file}");
        let reason = report["reason"].as_str().unwrap_or_default();
        assert!(!reason.contains("table"), "{file}: {reason}");
    }
}

// ---- #7: input files that never end or are not files ----

#[test]
fn a_fifo_or_a_device_as_the_snippet_is_refused_without_blocking() {
    let dir = scratch();
    mkfifo(&dir.path().join("pipe.py"));
    let run = candor(dir.path(), &["run", "pipe.py"], Input::Null);
    assert_usage_error(&run, "pipe.py: is a named pipe (FIFO), not a regular file");
    let run = candor(
        dir.path(),
        &["run", "/dev/zero", "--lang", "python"],
        Input::Null,
    );
    assert_usage_error(&run, "/dev/zero: is a character device, not a regular file");
    let run = candor(
        dir.path(),
        &["check", "pipe.py", "--format", "json"],
        Input::Null,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let unreadable = &run.json()["unreadable"][0];
    assert_eq!(unreadable["file"], "pipe.py");
    assert_contains(
        unreadable["error"].as_str().unwrap(),
        "is a named pipe (FIFO), not a regular file",
    );
}

#[test]
fn a_source_file_over_16_mib_is_refused() {
    let dir = scratch();
    let file = std::fs::File::create(dir.path().join("big.py")).unwrap();
    file.set_len((16 << 20) + 1).unwrap();
    let run = candor(dir.path(), &["run", "big.py"], Input::Null);
    assert_usage_error(
        &run,
        "reading big.py: larger than 16 MiB, the most candor reads for a source file",
    );
}

#[test]
fn a_fifo_or_a_device_as_stdin_file_is_refused() {
    let dir = scratch();
    with_hello(dir.path());
    mkfifo(&dir.path().join("in.fifo"));
    let run = candor(
        dir.path(),
        &["run", "hello.py", "--stdin", "in.fifo"],
        Input::Null,
    );
    assert_usage_error(
        &run,
        "--stdin: reading in.fifo: is a named pipe (FIFO), not a regular file (to pass a pipe or device, use --stdin - and redirect it)",
    );
    let run = candor(
        dir.path(),
        &["run", "hello.py", "--stdin", "/dev/zero"],
        Input::Null,
    );
    assert_usage_error(
        &run,
        "reading /dev/zero: is a character device, not a regular file",
    );
}

#[test]
fn endless_stdin_stops_at_its_cap() {
    let dir = scratch();
    with_hello(dir.path());
    let zero = Path::new("/dev/zero");
    // the snippet itself: capped at the source limit
    let run = candor(
        dir.path(),
        &["run", "-", "--lang", "python"],
        Input::File(zero),
    );
    assert_usage_error(
        &run,
        "reading the standard input: larger than 16 MiB, the most candor reads for a source file",
    );
    // the guest's stdin, asked for or passed through: capped at the memory limit
    let guest_stdin = "reading the standard input: larger than 16 MiB, the most candor reads for the guest's stdin (the memory limit)";
    let run = candor(
        dir.path(),
        &["run", "hello.py", "--stdin", "-", "--memory", "16MiB"],
        Input::File(zero),
    );
    assert_usage_error(&run, guest_stdin);
    let run = candor(
        dir.path(),
        &["run", "hello.py", "--memory", "16MiB"],
        Input::File(zero),
    );
    assert_usage_error(&run, guest_stdin);
}

#[test]
fn an_endless_jsonl_line_is_answered_and_ends_the_input() {
    let dir = scratch();
    let expected = serde_json::json!({
        "id": null,
        "line": 1,
        "error": "line 1: longer than 64 MiB, the most candor reads for a line; the rest of the input is not read",
    });
    for args in [
        &["check", "--jsonl", "/dev/zero"][..],
        &["check", "--jsonl", "-"][..],
    ] {
        let run = candor(dir.path(), args, Input::File(Path::new("/dev/zero")));
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        let answer: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
        assert_eq!(answer, expected, "{args:?}");
    }
    let run = candor(dir.path(), &["check", "--jsonl", "."], Input::Null);
    assert_usage_error(&run, "reading --jsonl .: is a directory, not a file");
}

// ---- #17: values the guest cannot take ----

#[test]
fn jsonl_values_the_guest_cannot_take_are_line_errors_and_the_rest_runs() {
    let dir = scratch();
    let lines = [
        r#"{"id": "a\u0000.py", "language": "python", "code": "print(1)"}"#,
        r#"{"id": 2, "language": "python", "code": "print(2)", "env": {"K\u0000": "v"}}"#,
        r#"{"id": 3, "language": "python", "code": "print(3)", "env": {"K": "v\u0000"}}"#,
        r#"{"id": 4, "language": "python", "code": "print(4)", "env": {"A=B": "v"}}"#,
        r#"{"id": 5, "language": "javascript", "code": "console.log(5)", "env": {"": "v"}}"#,
        r#"{"id": 6, "language": "python", "code": "print(6)", "args": ["x\u0000y"]}"#,
        r#"{"id": 7, "language": "python", "code": "import os, sys\nprint(os.environ['K'], sys.argv[1:])", "env": {"K": "v=w"}, "args": ["-a"]}"#,
    ];
    std::fs::write(dir.path().join("in.jsonl"), lines.join("\n")).unwrap();
    let run = candor(dir.path(), &["check", "--jsonl", "in.jsonl"], Input::Null);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let answers: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let errors: Vec<(serde_json::Value, &str)> = answers[..6]
        .iter()
        .map(|a| (a["id"].clone(), a["error"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            (
                serde_json::json!("a\0.py"),
                r#"line 1: id: invalid name "a\0.py": it contains a NUL character"#
            ),
            (
                serde_json::json!(2),
                r#"line 2: env: invalid environment variable "K\0": the name contains a NUL character"#
            ),
            (
                serde_json::json!(3),
                r#"line 3: env: invalid environment variable "K": the value contains a NUL character"#
            ),
            (
                serde_json::json!(4),
                r#"line 4: env: invalid environment variable "A=B": the name contains '='"#
            ),
            (
                serde_json::json!(5),
                r#"line 5: env: invalid environment variable "": the name is empty"#
            ),
            (
                serde_json::json!(6),
                r#"line 6: args: invalid argument "x\0y": it contains a NUL character"#
            ),
        ]
    );
    assert_eq!(answers[6]["id"], 7);
    assert_eq!(answers[6]["stdout"], "v=w ['-a']\n");
}

#[test]
fn env_flags_the_guest_cannot_take_are_usage_errors() {
    let dir = scratch();
    with_hello(dir.path());
    let run = candor(dir.path(), &["run", "hello.py", "--env", "=v"], Input::Null);
    assert_usage_error(
        &run,
        r#"invalid environment variable "": the name is empty"#,
    );
    let run = candor(
        dir.path(),
        &["run", "hello.py", "--env", "NOVALUE"],
        Input::Null,
    );
    assert_usage_error(&run, "expected KEY=VALUE");
}

// ---- #18: run - with nothing on stdin ----

#[test]
fn run_dash_with_an_empty_stdin_says_so() {
    let dir = scratch();
    for input in [Input::Null, Input::Bytes(b"")] {
        let run = candor(dir.path(), &["run", "-", "--lang", "python"], input);
        assert_usage_error(&run, "no snippet on stdin: the standard input was empty");
    }
}

// ---- #19: stdin passed through, --stdin -, directories ----

#[test]
fn piped_stdin_reaches_the_guest_when_no_stdin_flag_is_given() {
    let dir = scratch();
    let code = "import sys\nprint(repr(sys.stdin.read()))\n";
    std::fs::write(dir.path().join("echo.py"), code).unwrap();
    std::fs::write(dir.path().join("data.txt"), "one\ntwo\n").unwrap();
    let data = dir.path().join("data.txt");
    let json = ["run", "echo.py", "--format", "json"];
    let cases: [(&[&str], Input, &str); 5] = [
        (&json, Input::File(&data), "'one\\ntwo\\n'\n"),
        (&json, Input::Bytes(b"piped"), "'piped'\n"),
        (&json, Input::Null, "''\n"),
        (
            &["run", "echo.py", "--format", "json", "--stdin", "-"],
            Input::Bytes(b"dash"),
            "'dash'\n",
        ),
        // --stdin FILE wins over what is piped
        (
            &["run", "echo.py", "--format", "json", "--stdin", "data.txt"],
            Input::Bytes(b"ignored"),
            "'one\\ntwo\\n'\n",
        ),
    ];
    for (args, input, expected) in cases {
        let run = candor(dir.path(), args, input);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.json()["stdout"], expected, "{args:?}");
    }
}

#[test]
fn check_gives_no_stdin_whatever_is_piped() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("echo.py"),
        "import sys\nprint(repr(sys.stdin.read()))\n",
    )
    .unwrap();
    let run = candor(
        dir.path(),
        &["check", "echo.py", "--format", "json"],
        Input::Bytes(b"not for the guest"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["reports"][0]["stdout"], "''\n");
}

#[test]
fn an_idle_piped_stdin_ends_with_an_error_not_a_hang() {
    let dir = scratch();
    with_hello(dir.path());
    let started = Instant::now();
    let run = candor(
        dir.path(),
        &["run", "hello.py", "--timeout", "1s"],
        Input::IdlePipe,
    );
    assert_usage_error(
        &run,
        "the standard input, which is passed to the guest, did not end within 1s; pass --stdin FILE, --stdin - to wait for it, or </dev/null",
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn the_snippet_and_its_stdin_cannot_both_come_from_stdin() {
    let dir = scratch();
    let run = candor(
        dir.path(),
        &["run", "-", "--lang", "python", "--stdin", "-"],
        Input::Bytes(b"print(1)"),
    );
    assert_usage_error(
        &run,
        "the snippet (run -) and --stdin - cannot both be read from the standard input",
    );
}

#[test]
fn a_directory_is_named_as_one_before_its_language_is_asked() {
    let dir = scratch();
    std::fs::create_dir(dir.path().join("src")).unwrap();
    for args in [&["run", "src"][..], &["run", "src", "--lang", "python"][..]] {
        let run = candor(dir.path(), args, Input::Null);
        assert_usage_error(&run, "src: is a directory, not a file");
    }
    let run = candor(dir.path(), &["run", "missing"], Input::Null);
    assert_usage_error(&run, "reading missing: no such file");
    // a name that would break the line or drive the terminal is escaped
    let run = candor(dir.path(), &["run", "a\nb\u{1b}[8m.py"], Input::Null);
    assert_usage_error(&run, "reading a\\nb\\u{1b}[8m.py: no such file");
}
