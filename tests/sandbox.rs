//! The sandbox core through the real binary: output capture, every limit,
//! isolation, syntax errors, bad input, large sources.

mod common;

use common::{assert_contains, candor_in, run_snippet, scratch};
use std::time::{Duration, Instant};

#[test]
fn hello_prints_and_completes() {
    let dir = scratch();
    let run = run_snippet(
        dir.path(),
        "hello.py",
        "print('hello')\nimport sys\nprint('oops', file=sys.stderr)\n",
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = run.json();
    assert_eq!(r["schema"], "candor.report/v1");
    assert_eq!(r["language"], "python");
    assert_eq!(r["runtime"]["name"], "cpython");
    assert!(
        r["runtime"]["version"]
            .as_str()
            .unwrap()
            .starts_with("3.14")
    );
    assert_eq!(r["outcome"], "completed");
    assert_eq!(r["exit_code"], 0);
    assert_eq!(r["stdout"], "hello\n");
    assert_eq!(r["stderr"], "oops\n");
    assert_eq!(r["truncated"], false);
    assert!(r["fuel_consumed"].as_u64().unwrap() > 0);
    assert!(r["duration_ms"].as_f64().unwrap() > 0.0);
    assert_eq!(r["findings"], serde_json::json!([]));
}

#[test]
fn text_format_shows_output_and_summary() {
    let dir = scratch();
    std::fs::write(dir.path().join("hi.py"), "print('hi there')\n").unwrap();
    let run = candor_in(dir.path(), &["run", "hi.py"], &[]);
    assert_eq!(run.code, 0);
    assert_contains(&run.stdout, "hi there\n");
    assert_contains(&run.stdout, "hi.py: completed in ");
}

#[test]
fn stdin_args_and_env_reach_the_guest() {
    let dir = scratch();
    std::fs::write(dir.path().join("in.txt"), "line one\nline two\n").unwrap();
    let code = "import sys, os\nprint(len(sys.stdin.readlines()), sys.argv[1:], os.environ.get('GREETING'))\n";
    let run = run_snippet(
        dir.path(),
        "io.py",
        code,
        &[
            "--stdin",
            "in.txt",
            "--arg",
            "-x",
            "--arg",
            "two words",
            "--env",
            "GREETING=hi=there",
        ],
    );
    assert_eq!(run.json()["stdout"], "2 ['-x', 'two words'] hi=there\n");
}

#[test]
fn sys_exit_codes_are_reported() {
    let dir = scratch();
    let run = run_snippet(
        dir.path(),
        "exit.py",
        "import sys\nprint('bye')\nsys.exit(7)\n",
        &[],
    );
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(
        (r["outcome"].as_str(), r["exit_code"].as_i64()),
        (Some("failed"), Some(7))
    );
    assert_eq!(r["stdout"], "bye\n");
    let run = run_snippet(dir.path(), "exit0.py", "import sys\nsys.exit(0)\n", &[]);
    assert_eq!(
        (run.code, run.json()["outcome"].as_str()),
        (0, Some("completed"))
    );
}

#[test]
fn uncaught_exception_fails_loudly_with_traceback() {
    let dir = scratch();
    let run = run_snippet(dir.path(), "boom.py", "x = {}\nprint(x['missing'])\n", &[]);
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(r["outcome"], "failed");
    assert_eq!(r["exit_code"], 1);
    let stderr = r["stderr"].as_str().unwrap();
    assert_contains(stderr, "File \"boom.py\", line 2");
    assert_contains(stderr, "KeyError: 'missing'");
    assert!(
        !stderr.contains("app.py"),
        "harness frames leak into the traceback: {stderr}"
    );
}

#[test]
fn syntax_error_fails_with_the_line() {
    let dir = scratch();
    let run = run_snippet(dir.path(), "syn.py", "print('ok')\nx = (\n", &[]);
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(r["outcome"], "failed");
    let stderr = r["stderr"].as_str().unwrap();
    assert_contains(stderr, "SyntaxError");
    assert_contains(stderr, "line 2");
    assert_eq!(r["stdout"], "");
}

#[test]
fn infinite_loop_exhausts_fuel() {
    let dir = scratch();
    let started = Instant::now();
    let run = run_snippet(
        dir.path(),
        "loop.py",
        "while True:\n    pass\n",
        &["--fuel", "2e9", "--timeout", "60s"],
    );
    assert_eq!(run.code, 4);
    let r = run.json();
    assert_eq!(r["outcome"], "fuel_exhausted");
    assert_eq!(r["fuel_consumed"].as_u64(), Some(2_000_000_000));
    assert!(r["exit_code"].is_null());
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn sleep_is_cut_by_the_wall_clock() {
    let dir = scratch();
    let started = Instant::now();
    let run = run_snippet(
        dir.path(),
        "sleep.py",
        "import time\nprint('before', flush=True)\ntime.sleep(3600)\n",
        &["--timeout", "2s"],
    );
    let elapsed = started.elapsed();
    assert_eq!(run.code, 4);
    let r = run.json();
    assert_eq!(r["outcome"], "timed_out");
    assert_eq!(r["stdout"], "before\n", "output before the timeout is kept");
    assert!(
        elapsed < Duration::from_secs(4),
        "took {elapsed:?} for a 2 s limit"
    );
    assert!(r["duration_ms"].as_f64().unwrap() >= 2000.0);
}

#[test]
fn busy_loop_is_cut_by_the_wall_clock_too() {
    let dir = scratch();
    let started = Instant::now();
    let run = run_snippet(
        dir.path(),
        "busy.py",
        "while True:\n    pass\n",
        &["--timeout", "1s"],
    );
    assert_eq!(run.code, 4);
    assert_eq!(run.json()["outcome"], "timed_out");
    assert!(started.elapsed() < Duration::from_secs(2) + Duration::from_millis(900));
}

#[test]
fn memory_bomb_hits_the_memory_limit() {
    let dir = scratch();
    let code = "chunks = []\nwhile True:\n    chunks.append(bytearray(1 << 20))\n";
    let run = run_snippet(dir.path(), "bomb.py", code, &["--memory", "64MiB"]);
    assert_eq!(run.code, 4);
    let r = run.json();
    assert_eq!(r["outcome"], "memory_exceeded");
    assert_eq!(r["reason"], "memory limit of 64 MiB reached");
}

#[test]
fn output_flood_is_truncated_and_the_run_goes_on() {
    let dir = scratch();
    let code =
        "import sys\nfor i in range(20000):\n    print('x' * 99)\nprint('done', file=sys.stderr)\n";
    let run = run_snippet(dir.path(), "flood.py", code, &["--max-output", "64KiB"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = run.json();
    assert_eq!(r["outcome"], "completed");
    assert_eq!(r["truncated"], true);
    assert_eq!(r["stdout"].as_str().unwrap().len(), 64 * 1024);
    assert_eq!(r["stderr"], "done\n", "the run continued past the cap");
}

#[test]
fn endless_output_flood_ends_at_a_limit_with_capped_output() {
    let dir = scratch();
    let run = run_snippet(
        dir.path(),
        "endless.py",
        "while True:\n    print('flood' * 20)\n",
        &["--max-output", "1MiB", "--timeout", "2s"],
    );
    assert_eq!(run.code, 4);
    let r = run.json();
    assert!(
        r["outcome"] == "timed_out" || r["outcome"] == "fuel_exhausted",
        "{}",
        r["outcome"]
    );
    assert_eq!(r["truncated"], true);
    assert_eq!(r["stdout"].as_str().unwrap().len(), 1 << 20);
}

#[test]
fn host_files_are_out_of_reach() {
    let dir = scratch();
    let code = "try:\n    print(open('/etc/passwd').read()[:20])\nexcept OSError as e:\n    print('denied', type(e).__name__)\n";
    let r = run_snippet(dir.path(), "read.py", code, &[]).json();
    assert_eq!(r["stdout"], "denied FileNotFoundError\n");
}

#[test]
fn writes_stay_in_the_scratch_directory() {
    let dir = scratch();
    let outside = dir.path().join("escaped.txt");
    let target = outside.display().to_string();
    let code = format!(
        "import os\nopen('inside.txt', 'w').write('ok')\nprint(os.listdir('/'))\n\
         for path in ['{target}', '../escaped.txt', '/../escaped.txt']:\n    \
         try:\n        open(path, 'w').write('x')\n        print('wrote', path)\n    \
         except OSError as e:\n        print('blocked', type(e).__name__)\n"
    );
    let r = run_snippet(dir.path(), "write.py", &code, &[]).json();
    let stdout = r["stdout"].as_str().unwrap();
    assert!(stdout.starts_with("['inside.txt']\n"), "{stdout}");
    assert!(
        !outside.exists(),
        "the guest wrote outside its scratch directory"
    );
    assert!(!dir.path().join("inside.txt").exists());
    assert!(!stdout.contains("wrote"), "{stdout}");
}

#[test]
fn network_is_denied() {
    let dir = scratch();
    let code = "import socket\ntry:\n    s = socket.socket()\n    s.connect(('127.0.0.1', 9))\n    print('connected')\nexcept OSError as e:\n    print('denied', type(e).__name__)\n";
    let r = run_snippet(dir.path(), "net.py", code, &[]).json();
    assert!(
        r["stdout"].as_str().unwrap().starts_with("denied"),
        "{}",
        r["stdout"]
    );
}

#[test]
fn subprocesses_cannot_be_spawned() {
    let dir = scratch();
    let code = "import subprocess\ntry:\n    subprocess.run(['ls'])\n    print('spawned')\nexcept OSError as e:\n    print('denied', type(e).__name__)\n";
    let r = run_snippet(dir.path(), "sub.py", code, &[]).json();
    assert_eq!(r["stdout"], "denied OSError\n");
}

#[test]
fn host_environment_is_invisible() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("env.py"),
        "import os\nprint(sorted(os.environ))\n",
    )
    .unwrap();
    let run = candor_in(
        dir.path(),
        &["run", "env.py", "--format", "json"],
        &[("CANDOR_TEST_SECRET", "hunter2")],
    );
    assert_eq!(run.json()["stdout"], "[]\n");
}

#[test]
fn deterministic_runs_repeat_exactly() {
    let dir = scratch();
    let code =
        "import random, time, os\nprint(random.random(), time.time() > 0, os.urandom(4).hex())\n";
    let a = run_snippet(dir.path(), "det.py", code, &["--deterministic"]).json();
    let b = run_snippet(dir.path(), "det.py", code, &["--deterministic"]).json();
    assert_eq!(a["stdout"], b["stdout"]);
    let c = run_snippet(dir.path(), "det.py", code, &[]).json();
    let d = run_snippet(dir.path(), "det.py", code, &[]).json();
    assert_ne!(
        c["stdout"], d["stdout"],
        "without --deterministic, random values differ between runs"
    );
}

#[test]
fn a_400_000_line_source_runs() {
    let dir = scratch();
    let mut code = String::from("DATA = \"\"\"\n");
    for i in 0..399_997 {
        code.push_str(&format!("row {i},{}\n", i * 3 % 101));
    }
    code.push_str("\"\"\"\nprint(len(DATA.splitlines()))\n");
    assert_eq!(code.lines().count(), 400_000);
    let r = run_snippet(dir.path(), "big.py", &code, &[]).json();
    assert_eq!(r["outcome"], "completed");
    assert_eq!(r["stdout"], "399998\n");
}

#[test]
fn a_400_000_statement_source_ends_at_a_limit_not_a_crash() {
    // CPython needs ~700 MB to compile this many statements (natively too):
    // under the default 512 MiB the run must end as a reported limit.
    let dir = scratch();
    let mut code = String::new();
    for i in 0..400_000 {
        code.push_str(&format!("x{} = {i}\n", i % 50));
    }
    // a generous wall clock: on a loaded machine the default 10 s can pass
    // before the compile reaches the memory limit
    let run = run_snippet(dir.path(), "statements.py", &code, &["--timeout", "120s"]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert_eq!(run.json()["outcome"], "memory_exceeded");
}

#[test]
fn bad_input_is_a_one_line_usage_error() {
    let dir = scratch();
    std::fs::write(dir.path().join("latin1.py"), b"print('caf\xe9')\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello\n").unwrap();
    std::fs::write(dir.path().join("ok.py"), "print(1)\n").unwrap();
    std::fs::create_dir(dir.path().join("folder.py")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["run", "missing.py"], "missing.py: no such file"),
        (&["run", "folder.py"], "is a directory"),
        (&["run", "latin1.py"], "invalid UTF-8 at byte 10"),
        (&["run", "notes.txt"], "unknown language"),
        (
            &["run", "ok.py", "--lang", "cobol"],
            "unknown language \"cobol\"",
        ),
        (&["run", "ok.py", "--memory", "12parsecs"], "invalid size"),
        (
            &["run", "ok.py", "--memory", "8GiB"],
            "over the most a guest can have",
        ),
        (&["run", "ok.py", "--timeout", "soon"], "invalid duration"),
        (&["run", "ok.py", "--fuel", "0"], "invalid fuel"),
        (&["run", "ok.py", "--fuel=-1"], "invalid fuel"),
        (
            &["run", "ok.py", "--format", "yaml"],
            "invalid value 'yaml'",
        ),
        (&["run"], "required"),
        (&["run", "ok.py", "--env", "NOEQUALS"], "KEY=VALUE"),
        (&["run", "ok.py", "--stdin", "nope.txt"], "nope.txt"),
        (&["run", "-"], "needs --lang"),
        (&["--explain", "nonsense"], "unknown finding kind"),
    ];
    for (args, needle) in cases {
        let run = candor_in(dir.path(), args, &[]);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(needle),
            "{args:?}: {:?} lacks {needle:?}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
        assert_eq!(
            run.stderr.trim_end().lines().count(),
            1,
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
}

#[test]
fn explain_prints_the_rule_documentation() {
    let dir = scratch();
    let run = candor_in(dir.path(), &["--explain", "swallowed_exception"], &[]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("# swallowed_exception (CWE-390)"));
    assert_contains(&run.stdout, "## Why is this bad?");
}

#[test]
fn asyncio_runs_and_its_sleeps_are_cut_by_the_wall_clock() {
    let dir = scratch();
    let code = "import asyncio\n\nasync def twice(i):\n    await asyncio.sleep(0.01)\n    return i * 2\n\n\
                async def main():\n    print(await asyncio.gather(*(twice(i) for i in range(4))))\n\nasyncio.run(main())\n";
    let r = run_snippet(dir.path(), "aio.py", code, &[]).json();
    assert_eq!(
        (r["outcome"].as_str(), r["stdout"].as_str()),
        (Some("completed"), Some("[0, 2, 4, 6]\n")),
        "{}",
        r["stderr"]
    );
    let started = Instant::now();
    let run = run_snippet(
        dir.path(),
        "aiosleep.py",
        "import asyncio\nasyncio.run(asyncio.sleep(3600))\n",
        &["--timeout", "1s"],
    );
    assert_eq!(
        (run.code, run.json()["outcome"].as_str()),
        (4, Some("timed_out"))
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn filling_the_scratch_directory_is_stopped() {
    let dir = scratch();
    let code = "chunk = b'0' * (1 << 20)\nwith open('big.bin', 'wb') as f:\n    while True:\n        f.write(chunk)\n";
    let started = Instant::now();
    let run = run_snippet(dir.path(), "disk.py", code, &["--memory", "64MiB"]);
    assert_eq!(run.code, 4);
    let r = run.json();
    assert_eq!(r["outcome"], "memory_exceeded");
    assert_contains(r["reason"].as_str().unwrap(), "scratch directory");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_snippet_can_come_from_stdin() {
    let dir = scratch();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["run", "-", "--lang", "python", "--format", "json"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"print(6 * 7)\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (r["file"].as_str(), r["stdout"].as_str()),
        (Some("-"), Some("42\n"))
    );
}

#[test]
fn a_snippet_that_breaks_the_harness_status_is_reported_as_tampering() {
    let dir = scratch();
    // the harness takes nothing of the snippet's (json.dumps included): only
    // its own encoder, replaced, can break its status
    let code = "import sys\nsys.modules['app']._encode = lambda value: 'garbage'\nprint('hi')\n";
    let run = run_snippet(dir.path(), "status.py", code, &[]);
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(r["outcome"], "failed");
    assert_eq!(r["instrumentation_tampered"], true);
    assert_eq!(r["stdout"], "hi\n");
}
