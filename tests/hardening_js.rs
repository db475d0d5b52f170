//! The JavaScript and TypeScript host side held to the run's limits, through the
//! real binary: the language comes from the snippet, not its file name; deep
//! nesting, huge sources and thousands of handlers end in a report for that
//! snippet only; QuickJS's memory, timers, stacks and errors behave as node's.

mod common;

use common::{assert_contains, candor_in, run_snippet, scratch};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `candor ARGS` in `dir` with `stdin` piped in.
fn candor_with_stdin(dir: &Path, args: &[&str], stdin: &str) -> common::Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("candor starts");
    child
        .stdin
        .take()
        .expect("a stdin pipe")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    let out = child.wait_with_output().expect("candor runs");
    common::Run {
        code: out.status.code().expect("candor exits with a code"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const TYPED: &str = "interface P { x: number }\nconst p: P = { x: 41 };\nconsole.log(p.x + 1);\n";

fn assert_ran(r: &serde_json::Value, language: &str, stdout: &str) {
    assert_eq!(
        (
            r["outcome"].as_str(),
            r["language"].as_str(),
            r["stdout"].as_str()
        ),
        (Some("completed"), Some(language), Some(stdout)),
        "{r}"
    );
}

// -- #2: the language decides TypeScript ------------------------------------------

#[test]
fn typescript_by_flag_from_stdin_and_from_any_file_name() {
    let dir = scratch();
    let run = candor_with_stdin(
        dir.path(),
        &["run", "-", "--lang", "typescript", "--format", "json"],
        TYPED,
    );
    assert_ran(&run.json(), "typescript", "42\n");
    for (name, lang) in [("x.txt", "ts"), ("snippet", "typescript"), ("x.js", "ts")] {
        let r = run_snippet(dir.path(), name, TYPED, &["--lang", lang]).json();
        assert_ran(&r, "typescript", "42\n");
    }
    // .mts and .cts are TypeScript too, an ES module and CommonJS
    let r = run_snippet(dir.path(), "m.mts", &format!("{TYPED}export {{}};\n"), &[]).json();
    assert_ran(&r, "typescript", "42\n");
    let r = run_snippet(dir.path(), "c.cts", TYPED, &[]).json();
    assert_ran(&r, "typescript", "42\n");
}

#[test]
fn javascript_by_flag_on_a_ts_file_is_parsed_as_javascript() {
    let dir = scratch();
    let run = run_snippet(dir.path(), "typed.ts", TYPED, &["--lang", "js"]);
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(
        (r["outcome"].as_str(), r["language"].as_str()),
        (Some("failed"), Some("javascript"))
    );
    assert_contains(
        r["stderr"].as_str().unwrap(),
        "typed.ts:1:10: SyntaxError: Expected a semicolon",
    );
}

#[test]
fn jsonl_typescript_lines_run_whatever_their_ids() {
    let dir = scratch();
    let code = serde_json::to_string(TYPED).unwrap();
    let lines: Vec<String> = ["one", "2.js", "three.txt", "four.ts"]
        .iter()
        .map(|id| format!(r#"{{"id": "{id}", "language": "typescript", "code": {code}}}"#))
        .chain([
            r#"{"id": "js.ts", "language": "javascript", "code": "console.log(1 + 1)"}"#
                .to_string(),
        ])
        .collect();
    std::fs::write(dir.path().join("in.jsonl"), lines.join("\n")).unwrap();
    let run = candor_in(dir.path(), &["check", "--jsonl", "in.jsonl"], &[]);
    let reports: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len(), 5, "{}", run.stdout);
    for r in &reports[..4] {
        assert_ran(r, "typescript", "42\n");
    }
    assert_ran(&reports[4], "javascript", "2\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// -- #5: deep nesting ends that snippet only ------------------------------------------

fn nested(open: &str, n: usize, middle: &str, close: &str) -> String {
    format!("{}{middle}{}", open.repeat(n), close.repeat(n))
}

#[test]
fn a_thousand_nested_brackets_run_and_deeper_ones_fail_with_the_reason() {
    let dir = scratch();
    let code = format!(
        "const x = {};\nconsole.log(JSON.stringify(x).length);\n",
        nested("[", 1_000, "1", "]")
    );
    let r = run_snippet(dir.path(), "n1000.js", &code, &[]).json();
    assert_ran(&r, "javascript", "2001\n");
    for n in [10_000, 100_000] {
        let code = format!(
            "const x = {};\nconsole.log('ran');\n",
            nested("[", n, "1", "]")
        );
        let run = run_snippet(dir.path(), "deep.ts", &code, &[]);
        assert_eq!(run.code, 3, "{}", run.stderr);
        let r = run.json();
        assert_eq!(
            (
                r["outcome"].as_str(),
                r["exit_code"].as_i64(),
                r["stdout"].as_str()
            ),
            (Some("failed"), None, Some(""))
        );
        assert_eq!(
            r["reason"],
            "nesting deeper than 2000 levels at line 1, column 2010: candor does not prepare deeper programs"
        );
    }
}

#[test]
fn every_deeply_nested_construct_fails_alone_and_the_batch_goes_on() {
    let dir = scratch();
    let n = 100_000;
    let cases = [
        ("arrays.js", format!("x = {};", nested("[", n, "1", "]"))),
        ("objects.js", format!("x = {};", nested("{a:", n, "1", "}"))),
        ("parens.js", format!("x = {};", nested("(", n, "1", ")"))),
        ("calls.js", format!("x = {};", nested("f(", n, "1", ")"))),
        ("unary.js", format!("x = {}1;", "!".repeat(n))),
        ("functions.js", nested("function f(){", n, "", "}")),
        ("blocks.js", nested("{", n, "", "}")),
        (
            "templates.js",
            format!("x = {};", nested("`${", n, "1", "}`")),
        ),
        ("sums.js", format!("x = 1{};", "+1".repeat(n))),
        (
            "arrows.ts",
            format!("const f = {}1;", "(x: number) => ".repeat(n)),
        ),
        ("ifs.js", format!("{}x\n", "if (a)\n".repeat(n))),
    ];
    for (name, code) in &cases {
        std::fs::write(dir.path().join(name), code).unwrap();
    }
    std::fs::write(dir.path().join("fine.js"), "console.log('fine');\n").unwrap();
    let run = candor_in(dir.path(), &["check", ".", "--format", "json"], &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let reports = doc["reports"].as_array().unwrap();
    assert_eq!(reports.len(), cases.len() + 1, "{}", run.stdout);
    for r in reports {
        if r["file"] == "fine.js" {
            assert_ran(r, "javascript", "fine\n");
        } else {
            assert_eq!(r["outcome"], "failed", "{}", r["file"]);
            assert_contains(
                r["reason"].as_str().unwrap(),
                "nesting deeper than 2000 levels",
            );
        }
    }
}

#[test]
fn a_deep_jsonl_line_fails_alone() {
    let dir = scratch();
    let deep = serde_json::to_string(&nested("[", 100_000, "1", "]")).unwrap();
    let input = [
        format!(r#"{{"id": "deep", "language": "javascript", "code": {deep}}}"#),
        r#"{"id": "fine", "language": "javascript", "code": "console.log('fine')"}"#.to_string(),
    ]
    .join("\n");
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let run = candor_in(dir.path(), &["check", "--jsonl", "in.jsonl"], &[]);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert_eq!(lines[0]["outcome"], "failed");
    assert_contains(lines[0]["reason"].as_str().unwrap(), "nesting deeper");
    assert_ran(&lines[1], "javascript", "fine\n");
}

// -- #11: host-side preparation counts against the run's limits -----------------------

/// About `bytes` of ordinary statements.
fn big_program(bytes: usize) -> String {
    let line = "var x = {a: 1, b: \"s\", c: [1, 2, 3]}; if (x.a > 5) { x.b += \"!\"; }\n";
    let mut code = line.repeat(bytes / line.len() + 1);
    code.push_str("console.log('done');\n");
    code
}

#[test]
fn a_source_too_large_to_prepare_within_the_memory_limit_is_refused_at_once() {
    let dir = scratch();
    let started = Instant::now();
    let run = run_snippet(
        dir.path(),
        "big.js",
        &big_program(8 << 20),
        &["--memory", "64MiB"],
    );
    assert_eq!(run.code, 4, "{}", run.stderr);
    let r = run.json();
    assert_eq!(
        (r["outcome"].as_str(), r["fuel_consumed"].as_u64()),
        (Some("memory_exceeded"), Some(0))
    );
    let reason = r["reason"].as_str().unwrap();
    assert_contains(reason, "preparing the program on the host would take about");
    assert_contains(reason, "over the memory limit of 64 MiB");
    // refused from a survey of the source, before parsing it
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn preparing_a_source_past_the_deadline_times_out() {
    let dir = scratch();
    let started = Instant::now();
    let run = run_snippet(
        dir.path(),
        "big.js",
        &big_program(15 << 20),
        &["--memory", "4GiB", "--timeout", "100ms"],
    );
    assert_eq!(run.code, 4, "{}", run.stderr);
    let r = run.json();
    assert_eq!(r["outcome"], "timed_out");
    assert_eq!(
        r["reason"],
        "wall-clock limit of 100ms reached while preparing the program on the host"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

// -- #12: thousands of handlers ----------------------------------------------------------

#[test]
fn thirty_thousand_handlers_take_linear_time_and_the_deadline_holds() {
    let dir = scratch();
    let mut code = String::from("let total = 0;\n");
    for i in 0..30_000 {
        code.push_str(&format!(
            "let v{i}; try {{ v{i} = JSON.parse(\"{i}\") }} catch (e) {{ v{i} = 0 }} total += v{i};\n"
        ));
    }
    let started = Instant::now();
    let run = run_snippet(dir.path(), "many.js", &code, &["--timeout", "5s"]);
    // quadratic, this took 80 s on the host before the guest even started
    assert!(
        started.elapsed() < Duration::from_secs(40),
        "{:?}",
        started.elapsed()
    );
    // QuickJS itself compiles 30 000 try blocks in one function slowly: the
    // guest runs out of time (or of stack for their bindings), loudly
    let r = run.json();
    let outcome = r["outcome"].as_str().unwrap();
    assert!(
        ["timed_out", "failed", "fuel_exhausted"].contains(&outcome),
        "{outcome}"
    );
}

#[test]
fn twenty_thousand_functions_with_handlers_report_each_latent_swallow() {
    let dir = scratch();
    let mut code = String::new();
    for i in 0..20_000 {
        code.push_str(&format!(
            "function f{i}(s) {{ try {{ return JSON.parse(s) }} catch (e) {{ return 0 }} }}\n"
        ));
    }
    code.push_str("console.log(f0('1') + f19999('2'));\n");
    let run = run_snippet(dir.path(), "handlers.js", &code, &["--timeout", "60s"]);
    let r = run.json();
    assert_ran(&r, "javascript", "3\n");
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 20_000);
    assert!(findings.iter().all(|f| f["kind"] == "latent_swallow"));
}

// -- #14: QuickJS's memory is the run's ---------------------------------------------------

#[test]
fn javascript_memory_ends_at_the_asked_limit_as_memory_exceeded() {
    let dir = scratch();
    let code = "const bufs = [];\nfor (;;) { const b = new ArrayBuffer(64 << 20); new Uint8Array(b).fill(1); bufs.push(b); console.log(bufs.length); }\n";
    let mut buffers = Vec::new();
    for memory in ["512MiB", "2GiB"] {
        let run = run_snippet(
            dir.path(),
            "grow.js",
            code,
            &["--memory", memory, "--timeout", "60s"],
        );
        assert_eq!(run.code, 4, "{memory}: {}", run.stdout);
        let r = run.json();
        // above 1 GiB this was QuickJS's own cap: `failed`, out of memory
        assert_eq!(r["outcome"], "memory_exceeded", "{memory}: {r}");
        assert_contains(r["reason"].as_str().unwrap(), "memory limit of");
        buffers.push(r["stdout"].as_str().unwrap().lines().count());
    }
    // the larger limit holds four times the buffers
    assert!(buffers[1] >= 4 * buffers[0], "{buffers:?}");
}

// -- #18: timers and stacks as node has them -----------------------------------------------

#[test]
fn a_delay_past_the_longest_timer_fires_at_once_with_node_s_warning() {
    let dir = scratch();
    for delay in ["Infinity", "2 ** 31", "1e12"] {
        let code =
            format!("setTimeout(() => console.log('fired'), {delay});\nconsole.log('set');\n");
        let run = run_snippet(dir.path(), "t.js", &code, &["--timeout", "20s"]);
        let r = run.json();
        assert_ran(&r, "javascript", "set\nfired\n");
        assert_contains(
            r["stderr"].as_str().unwrap(),
            "does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.",
        );
        assert!(r["duration_ms"].as_f64().unwrap() < 10_000.0);
    }
}

#[test]
fn a_program_waiting_on_a_far_timer_sleeps_until_the_wall_clock_ends_it() {
    let dir = scratch();
    let code = "setTimeout(() => console.log('late'), 2 ** 31 - 1);\n";
    let run = run_snippet(dir.path(), "far.js", code, &["--timeout", "1s"]);
    let r = run.json();
    assert_eq!(r["outcome"], "timed_out");
    // a spinning loop burns ~1e10 fuel a second; a sleeping one next to none
    assert!(r["fuel_consumed"].as_u64().unwrap() < 1_000_000_000, "{r}");
}

#[test]
fn stack_lines_are_the_user_s_in_error_stack_and_the_uncaught_printout() {
    let dir = scratch();
    // instrumentation rewrites every line before the throw
    let code = "function parse(s) {\n  try {\n    return JSON.parse(s);\n  } catch (e) {\n    return null;\n  }\n}\n\nfunction fail() {\n  throw new Error('boom');\n}\n\ntry {\n  fail();\n} catch (e) {\n  console.log(e.stack);\n}\nparse('x');\nfail();\n";
    let run = run_snippet(dir.path(), "stack.ts", code, &[]);
    let r = run.json();
    let stdout = r["stdout"].as_str().unwrap();
    assert_contains(stdout, "at fail (stack.ts:10:");
    assert_contains(stdout, "stack.ts:14:");
    let stderr = r["stderr"].as_str().unwrap();
    assert_contains(stderr, "Uncaught Error: boom\n    at fail (stack.ts:10:");
    assert_contains(stderr, "stack.ts:19:");
}

// -- #19: errors say what went wrong, where ---------------------------------------------------

#[test]
fn a_crash_s_reason_is_the_error_not_a_stack_frame() {
    let dir = scratch();
    let run = run_snippet(
        dir.path(),
        "node.js",
        "const f = () => process.exit(0);\nf();\n",
        &[],
    );
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(r["reason"], "ReferenceError: process is not defined");
    assert_contains(
        r["stderr"].as_str().unwrap(),
        "Uncaught ReferenceError: process is not defined\n",
    );
    let text = candor_in(dir.path(), &["run", "node.js"], &[]);
    assert_contains(
        &text.stdout,
        "node.js: failed (exit 1): ReferenceError: process is not defined in ",
    );
}

#[test]
fn every_syntax_error_carries_its_line_and_column() {
    let dir = scratch();
    for (code, at) in [
        (
            "class A { #x = 1 }\nconst a = {};\nconsole.log(#x in a);\n",
            "p.js:3:13: SyntaxError:",
        ),
        ("let a = 1;\nlet a = 2;\n", "p.js:2:5: SyntaxError:"),
        ("const x = 1;\nx = ;\n", "p.js:2:5: SyntaxError:"),
    ] {
        let run = run_snippet(dir.path(), "p.js", code, &[]);
        assert_eq!(run.code, 3);
        let r = run.json();
        assert_contains(r["stderr"].as_str().unwrap(), at);
        assert_contains(r["reason"].as_str().unwrap(), "SyntaxError: ");
    }
}
