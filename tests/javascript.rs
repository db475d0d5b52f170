//! JavaScript and TypeScript through the real binary: output, limits,
//! syntax errors, the module ban.

mod common;

use common::{assert_contains, run_snippet, scratch};
use std::time::{Duration, Instant};

#[test]
fn javascript_and_typescript_run() {
    let dir = scratch();
    let r = run_snippet(
        dir.path(),
        "hi.js",
        "console.log('hi', 1 + 1);\nconsole.error('to stderr');\n",
        &[],
    )
    .json();
    assert_eq!(
        (r["outcome"].as_str(), r["language"].as_str()),
        (Some("completed"), Some("javascript"))
    );
    assert_eq!(
        (r["stdout"].as_str(), r["stderr"].as_str()),
        (Some("hi 2\n"), Some("to stderr\n"))
    );
    assert_eq!(r["runtime"]["name"], "quickjs-ng");
    let code = "interface P { x: number }\nconst p: P = { x: 41 };\nconst f = (n: number): number => n + 1;\nconsole.log(f(p.x));\n";
    let r = run_snippet(dir.path(), "typed.ts", code, &[]).json();
    assert_eq!(
        (r["outcome"].as_str(), r["language"].as_str()),
        (Some("completed"), Some("typescript"))
    );
    assert_eq!(r["stdout"], "42\n");
}

#[test]
fn promises_settle_and_top_level_await_works() {
    let dir = scratch();
    let code = "const wait = (ms) => new Promise((r) => setTimeout(r, ms));\nawait wait(5);\n\
                const v = await Promise.all([1, 2].map(async (n) => n * 10));\nconsole.log(v.join(','));\n";
    let r = run_snippet(dir.path(), "await.mjs", code, &[]).json();
    assert_eq!(
        (r["outcome"].as_str(), r["stdout"].as_str()),
        (Some("completed"), Some("10,20\n")),
        "{}",
        r["stderr"]
    );
}

#[test]
fn uncaught_errors_fail_loudly_at_the_original_line() {
    let dir = scratch();
    let code = "type T = { a?: { b: number } };\nconst t: T = {};\n\nconsole.log(t.a!.b);\n";
    let run = run_snippet(dir.path(), "boom.ts", code, &[]);
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(
        (r["outcome"].as_str(), r["exit_code"].as_i64()),
        (Some("failed"), Some(1))
    );
    let stderr = r["stderr"].as_str().unwrap();
    assert_contains(stderr, "TypeError");
    assert!(
        stderr.contains("boom.ts:4"),
        "the stack points at the TypeScript line: {stderr}"
    );
}

#[test]
fn syntax_errors_name_the_original_line() {
    let dir = scratch();
    for (name, code, line) in [
        ("bad.js", "const a = 1;\nconst b = ;\n", 2),
        ("bad.ts", "let x: number = 1;\n\nlet y: = 2;\n", 3),
    ] {
        let run = run_snippet(dir.path(), name, code, &[]);
        assert_eq!(run.code, 3, "{name}");
        let r = run.json();
        assert_eq!(r["outcome"], "failed");
        let stderr = r["stderr"].as_str().unwrap();
        assert!(
            stderr.starts_with(&format!("{name}:{line}:")),
            "{name}: {stderr}"
        );
        assert_contains(stderr, "SyntaxError");
    }
}

#[test]
fn modules_and_node_builtins_are_refused_clearly() {
    let dir = scratch();
    for (name, code) in [
        ("imp.mjs", "import fs from \"fs\";\nconsole.log(fs);\n"),
        ("req.js", "const fs = require('fs');\n"),
    ] {
        let run = run_snippet(dir.path(), name, code, &[]);
        assert_eq!(run.code, 3, "{name}");
        let stderr = run.json()["stderr"].as_str().unwrap().to_string();
        assert!(
            stderr.contains("modules are not available in the sandbox"),
            "{name}: {stderr}"
        );
        assert_contains(&stderr, "fs");
    }
}

#[test]
fn infinite_loop_exhausts_fuel() {
    let dir = scratch();
    let run = run_snippet(
        dir.path(),
        "loop.js",
        "while (true) {}\n",
        &["--fuel", "1e9"],
    );
    assert_eq!(run.code, 4);
    assert_eq!(run.json()["outcome"], "fuel_exhausted");
}

#[test]
fn memory_bomb_hits_the_memory_limit() {
    let dir = scratch();
    let code = "const keep = [];\nwhile (true) keep.push(new Array(100000).fill(7));\n";
    let run = run_snippet(dir.path(), "bomb.js", code, &["--memory", "64MiB"]);
    assert_eq!(run.code, 4);
    assert_eq!(run.json()["outcome"], "memory_exceeded");
}

#[test]
fn output_flood_is_truncated() {
    let dir = scratch();
    let code =
        "for (let i = 0; i < 20000; i++) console.log('x'.repeat(99));\nconsole.error('done');\n";
    let r = run_snippet(dir.path(), "flood.js", code, &["--max-output", "64KiB"]).json();
    assert_eq!(
        (r["outcome"].as_str(), r["truncated"].as_bool()),
        (Some("completed"), Some(true))
    );
    assert_eq!(r["stdout"].as_str().unwrap().len(), 64 * 1024);
    assert_eq!(r["stderr"], "done\n");
}

#[test]
fn a_never_resolving_promise_with_a_timer_times_out() {
    let dir = scratch();
    let started = Instant::now();
    let code = "setInterval(() => {}, 1000);\nawait new Promise(() => {});\n";
    let run = run_snippet(dir.path(), "never.mjs", code, &["--timeout", "1s"]);
    let r = run.json();
    assert_eq!(run.code, 4, "{r}");
    assert_eq!(r["outcome"], "timed_out");
    assert!(started.elapsed() < Duration::from_secs(2) + Duration::from_millis(500));
}

#[test]
fn a_swallowed_error_is_reported_in_typescript_coordinates() {
    let dir = scratch();
    let code = "interface Row { price?: string }\n\nfunction price(row: Row): number {\n  try {\n    if (row.price === undefined) throw new Error('no price');\n    return parseFloat(row.price);\n  } catch (e) {\n    return 0;\n  }\n}\nconsole.log(price({}));\n";
    let run = run_snippet(dir.path(), "price.ts", code, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    let findings = r["findings"].as_array().unwrap();
    let kinds: Vec<(&str, u64)> = findings
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(kinds, [("swallowed_exception", 7), ("fabricated_value", 8)]);
    assert_eq!(findings[0]["exception"]["line"], 5);
    assert_eq!(findings[1]["value"]["repr"], "0");
}

#[test]
fn every_caught_exception_is_counted_and_no_detect_is_a_true_baseline() {
    let dir = scratch();
    let code = "function parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch {\n    return {};\n  }\n}\n\
                let n = 0;\nfor (let i = 0; i < 5000; i++) n += Object.keys(parse('{')).length;\nconsole.log(n);\n";
    let on = run_snippet(dir.path(), "many.js", code, &[]).json();
    let findings = on["findings"].as_array().unwrap();
    let counts: Vec<(&str, u64)> = findings
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [("swallowed_exception", 5000), ("fabricated_value", 5000)]
    );
    let off = run_snippet(dir.path(), "many.js", code, &["--no-detect"]).json();
    assert_eq!(off["findings"], serde_json::json!([]));
    assert_eq!(on["stdout"], off["stdout"]);
    assert!(
        off["fuel_consumed"].as_u64() < on["fuel_consumed"].as_u64(),
        "instrumentation costs fuel; --no-detect runs without it"
    );
}

#[test]
fn firings_are_counted_per_exception_type_and_a_tests_expected_errors_are_not_swallows() {
    let dir = scratch();
    // 630 RangeErrors and 70 TypeErrors under one handler: far more than the
    // firings sent in full, so most arrive as counts that still name their type
    let code = "function check(i) {\n  if (i % 10 === 0) throw new TypeError(`odd ${i}`);\n  throw new RangeError(`bad ${i}`);\n}\n\
                for (let i = 0; i < 700; i++) {\n  try {\n    check(i);\n  } catch {}\n}\n\
                function expectThrow(fn) {\n  try {\n    fn();\n    throw new Error(`${fn.name} did not throw`);\n  } catch {}\n}\n\
                for (let i = 0; i < 40; i++) expectThrow(() => JSON.parse('{'));\n\
                expectThrow(function parsesFine() { JSON.parse('1'); });\n";
    let report = run_snippet(dir.path(), "types.js", code, &[]).json();
    let messages: Vec<(u64, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(messages[0].0, 8);
    assert_eq!(
        messages[0].1,
        "TypeError('odd 0') was caught and dropped (700 times: TypeError ×70, RangeError ×630)"
    );
    // the 40 SyntaxErrors the test expected are not reported; its own failure is
    assert_eq!(messages[1].0, 14);
    assert_eq!(
        messages[1].1,
        "Error('parsesFine did not throw') was caught and dropped"
    );
}

#[test]
fn deterministic_runs_repeat_exactly() {
    let dir = scratch();
    let code = "console.log(Math.random(), Date.now());\n";
    let a = run_snippet(dir.path(), "det.js", code, &["--deterministic"]).json();
    let b = run_snippet(dir.path(), "det.js", code, &["--deterministic"]).json();
    assert_eq!(a["stdout"], b["stdout"]);
    let c = run_snippet(dir.path(), "det.js", code, &[]).json();
    let d = run_snippet(dir.path(), "det.js", code, &[]).json();
    assert_ne!(c["stdout"], d["stdout"]);
}

#[test]
fn deep_recursion_reaches_thousands_of_frames_and_ends_in_a_range_error() {
    let dir = scratch();
    // each way of recursing must end in QuickJS's catchable RangeError, never
    // in a trap of the WebAssembly stack; plain recursion goes 2 000 deep
    let code = r#"
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(2000));
// QuickJS's JSON.stringify does not recurse on the C stack: deep data just works
let nested = [];
for (let i = 0; i < 5000; i++) nested = [nested];
console.log(JSON.stringify(nested).length);
const ways = {
  plain: () => { const f = (n) => f(n + 1) + 1; f(0); },
  map: () => { const f = (n) => [n].map((x) => f(x + 1)); f(0); },
  sort: () => { const f = (n) => [2, 1].sort(() => f(n + 1)); f(0); },
  getter: () => { const o = { get x() { return this.x; } }; o.x; },
  toString: () => { const o = { toString() { return `${this}`; } }; String(o); },
  apply: () => { const f = (n) => f.apply(null, [n + 1]); f(0); },
};
for (const [name, run] of Object.entries(ways)) {
  try { run(); console.log(name, "no error"); }
  catch (e) { console.log(name, e instanceof RangeError ? "RangeError" : String(e)); }
}
"#;
    let r = run_snippet(dir.path(), "deep.js", code, &["--no-detect"]).json();
    assert_eq!(r["outcome"], "completed", "{r:#}");
    assert_eq!(
        r["stdout"],
        "2000\n10002\nplain RangeError\nmap RangeError\nsort RangeError\n\
         getter RangeError\ntoString RangeError\napply RangeError\n"
    );
}
