//! Raw WebAssembly programs (`candor run x.wasm|x.wat`): WASI preview-1
//! command modules and preview-2 command components, held to the same limits
//! and reported like any snippet.

mod common;

use common::{assert_contains, candor_in, scratch};
use std::path::Path;

/// Prints through `fd_write`, then returns.
const HELLO_WAT: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 8) "hello from wat\n")
  (func $main (export "_start")
    (i32.store (i32.const 0) (i32.const 8))
    (i32.store (i32.const 4) (i32.const 15))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 100)))))
"#;

/// Reads far outside its memory, two named calls deep.
const OUT_OF_BOUNDS_WAT: &str = r#"(module
  (memory 1)
  (func $read_past_the_end (result i32)
    (i32.load (i32.const 0x7ffffff0)))
  (func $entry (export "_start")
    (drop (call $read_past_the_end))))
"#;

/// A component exporting `wasi:cli/run` that prints through
/// `wasi:cli/stdout` and `wasi:io/streams`, and returns `ok`.
const HELLO_COMPONENT_WAT: &str = r#"(component
  (import "wasi:io/error@0.2.0" (instance $error-inst
    (export "error" (type (sub resource)))))
  (alias export $error-inst "error" (type $error))
  (import "wasi:io/streams@0.2.0" (instance $streams
    (export "output-stream" (type $os (sub resource)))
    (alias outer 1 $error (type $err))
    (export "error" (type $err2 (eq $err)))
    (type $own-err (own $err2))
    (type $stream-error (variant (case "last-operation-failed" $own-err) (case "closed")))
    (export "stream-error" (type $se (eq $stream-error)))
    (type $borrow-os (borrow $os))
    (type $res (result (error $se)))
    (type $write-ty (func (param "self" $borrow-os) (param "contents" (list u8)) (result $res)))
    (export "[method]output-stream.blocking-write-and-flush" (func (type $write-ty)))))
  (alias export $streams "output-stream" (type $output-stream))
  (import "wasi:cli/stdout@0.2.0" (instance $stdout
    (alias outer 1 $output-stream (type $os))
    (export "output-stream" (type $os2 (eq $os)))
    (type $own-os (own $os2))
    (export "get-stdout" (func (result $own-os)))))
  (core module $memory (memory (export "memory") 1))
  (core instance $memory (instantiate $memory))
  (alias core export $memory "memory" (core memory $mem))
  (core func $get-stdout (canon lower (func $stdout "get-stdout")))
  (core func $write
    (canon lower (func $streams "[method]output-stream.blocking-write-and-flush") (memory $mem)))
  (core module $main
    (import "mem" "memory" (memory 1))
    (import "host" "get-stdout" (func $get-stdout (result i32)))
    (import "host" "write" (func $write (param i32 i32 i32 i32)))
    (data (i32.const 16) "hello from a component\n")
    (func (export "run") (result i32)
      (call $write (call $get-stdout) (i32.const 16) (i32.const 23) (i32.const 64))
      (i32.load8_u (i32.const 64))))
  (core instance $main (instantiate $main
    (with "mem" (instance $memory))
    (with "host" (instance
      (export "get-stdout" (func $get-stdout))
      (export "write" (func $write))))))
  (func $run (result (result)) (canon lift (core func $main "run")))
  (instance $run-inst (export "run" (func $run)))
  (export "wasi:cli/run@0.2.0" (instance $run-inst)))
"#;

/// A component whose `wasi:cli/run` returns `err`.
const FAILING_COMPONENT_WAT: &str = r#"(component
  (core module $main (func (export "run") (result i32) (i32.const 1)))
  (core instance $main (instantiate $main))
  (func $run (result (result)) (canon lift (core func $main "run")))
  (instance $run-inst (export "run" (func $run)))
  (export "wasi:cli/run@0.2.0" (instance $run-inst)))
"#;

/// Runs `candor run NAME --format json EXTRA...` with `code` in NAME, with a
/// compile cache of the test's own.
fn run_program(dir: &Path, name: &str, code: &[u8], extra: &[&str]) -> common::Run {
    std::fs::write(dir.join(name), code).unwrap();
    let cache = dir.join("cache");
    let mut args = vec!["run", name, "--format", "json"];
    args.extend_from_slice(extra);
    candor_in(dir, &args, &[("CANDOR_CACHE_DIR", cache.to_str().unwrap())])
}

#[test]
fn a_wat_command_prints_through_fd_write() {
    let dir = scratch();
    let run = run_program(dir.path(), "hello.wat", HELLO_WAT.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["language"], "wasm");
    assert_eq!(report["runtime"]["name"], "wasmtime");
    assert_eq!(report["outcome"], "completed");
    assert_eq!(report["exit_code"], 0);
    assert_eq!(report["stdout"], "hello from wat\n");
    assert!(report["fuel_consumed"].as_u64().unwrap() > 0);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_binary_module_is_compiled_once_into_the_cache() {
    let dir = scratch();
    let wasm = wat::parse_str(HELLO_WAT).unwrap();
    let first = run_program(dir.path(), "hello.wasm", &wasm, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.json()["stdout"], "hello from wat\n");
    let cached: Vec<_> = std::fs::read_dir(dir.path().join("cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("wasm-") && n.ends_with(".cwasm"))
        .collect();
    assert_eq!(cached.len(), 1, "{cached:?}");
    let modified = |name: &str| {
        std::fs::metadata(dir.path().join("cache").join(name))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = modified(&cached[0]);
    // the same bytes under another name load the same entry
    let again = run_program(dir.path(), "again.wasm", &wasm, &[]);
    assert_eq!(again.json()["stdout"], "hello from wat\n");
    assert_eq!(
        modified(&cached[0]),
        before,
        "the module was compiled again"
    );
}

#[test]
fn a_cache_that_cannot_be_used_compiles_in_memory_with_a_warning() {
    let dir = scratch();
    std::fs::write(dir.path().join("hello.wat"), HELLO_WAT).unwrap();
    std::fs::write(dir.path().join("not-a-dir"), "").unwrap();
    let run = candor_in(
        dir.path(),
        &["run", "hello.wat", "--format", "json"],
        &[("CANDOR_CACHE_DIR", "not-a-dir")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["stdout"], "hello from wat\n");
    assert_contains(
        &run.stderr,
        "compiling the WebAssembly program in memory, for this process only\n",
    );
}

#[test]
fn an_out_of_bounds_read_fails_with_the_trap_and_a_named_backtrace() {
    let dir = scratch();
    let run = run_program(dir.path(), "oob.wat", OUT_OF_BOUNDS_WAT.as_bytes(), &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "failed");
    let reason = report["reason"].as_str().unwrap();
    assert_contains(reason, "out of bounds memory access");
    let stderr = report["stderr"].as_str().unwrap();
    assert_contains(stderr, "wasm backtrace:");
    let inner = stderr.find("read_past_the_end").expect(stderr);
    let outer = stderr.find("entry").expect(stderr);
    assert!(inner < outer, "innermost frame first:\n{stderr}");
}

#[test]
fn an_infinite_loop_exhausts_its_fuel() {
    let dir = scratch();
    let wat = r#"(module (func (export "_start") (loop $forever (br $forever))))"#;
    let run = run_program(
        dir.path(),
        "spin.wat",
        wat.as_bytes(),
        &["--fuel", "5000000"],
    );
    assert_eq!(run.code, 4, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "fuel_exhausted");
    assert!(report["fuel_consumed"].as_u64().unwrap() >= 5_000_000 - 10);
}

#[test]
fn a_memory_grow_bomb_hits_the_memory_limit() {
    let dir = scratch();
    let wat = r#"(module
      (memory 1)
      (func (export "_start")
        (loop $more
          (br_if $more (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))))"#;
    let run = run_program(
        dir.path(),
        "bomb.wat",
        wat.as_bytes(),
        &["--memory", "16MiB"],
    );
    assert_eq!(run.code, 4, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "memory_exceeded");
    assert_contains(report["reason"].as_str().unwrap(), "16 MiB");
}

#[test]
fn an_import_candor_does_not_provide_is_named() {
    let dir = scratch();
    let wat = r#"(module
      (import "env" "host_secret" (func $secret (result i32)))
      (func (export "_start") (drop (call $secret))))"#;
    let run = run_program(dir.path(), "import.wat", wat.as_bytes(), &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "failed");
    let reason = report["reason"].as_str().unwrap();
    assert_contains(reason, "cannot link the module");
    assert_contains(reason, "env::host_secret");
}

#[test]
fn an_exit_status_is_the_programs() {
    let dir = scratch();
    let wat = r#"(module
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1)
      (func (export "_start") (call $exit (i32.const 7))))"#;
    let run = run_program(dir.path(), "exit.wat", wat.as_bytes(), &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "failed");
    assert_eq!(report["exit_code"], 7);
}

#[test]
fn text_that_does_not_parse_fails_at_its_line() {
    let dir = scratch();
    let run = run_program(
        dir.path(),
        "bad.wat",
        b"(module\n  (func (i32.bogus)))\n",
        &[],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "failed");
    assert_contains(report["stderr"].as_str().unwrap(), "bad.wat:2:");
}

#[test]
fn bytes_that_are_not_webassembly_are_refused_with_why() {
    let dir = scratch();
    let run = run_program(dir.path(), "junk.wasm", b"\0asm\x01\0\0\0\xff\xff", &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_contains(
        run.json()["reason"].as_str().unwrap(),
        "invalid WebAssembly module",
    );
}

#[test]
fn a_p2_command_component_prints_through_wasi_cli() {
    let dir = scratch();
    let component = wat::parse_str(HELLO_COMPONENT_WAT).unwrap();
    assert_eq!(&component[4..8], b"\x0d\0\x01\0", "a component's header");
    let run = run_program(dir.path(), "hello.wasm", &component, &[]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "completed");
    assert_eq!(report["stdout"], "hello from a component\n");
}

#[test]
fn a_p2_command_that_returns_an_error_fails_with_status_1() {
    let dir = scratch();
    let run = run_program(
        dir.path(),
        "fail.wat",
        FAILING_COMPONENT_WAT.as_bytes(),
        &[],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["outcome"], "failed");
    assert_eq!(report["exit_code"], 1);
}

#[test]
fn check_jsonl_runs_a_module_given_as_base64() {
    let dir = scratch();
    let wasm = wat::parse_str(HELLO_WAT).unwrap();
    let line = serde_json::json!({"id": "m1", "language": "wasm", "code_base64": base64(&wasm)});
    std::fs::write(dir.path().join("in.jsonl"), format!("{line}\n")).unwrap();
    let cache = dir.path().join("cache");
    let run = candor_in(
        dir.path(),
        &["check", "--jsonl", "in.jsonl"],
        &[("CANDOR_CACHE_DIR", cache.to_str().unwrap())],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let answer: serde_json::Value = serde_json::from_str(run.stdout.lines().next().unwrap())
        .unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_contains(&answer.to_string(), "hello from wat\\n");
    assert_contains(&answer.to_string(), "\"m1\"");
}

#[test]
fn the_library_runs_one_module_many_times() {
    let cache = scratch();
    let sandbox = candor::Sandbox::builder()
        .cache_dir(cache.path())
        .preload(&[])
        .build()
        .unwrap();
    let snippet = candor::Snippet::wasm(wat::parse_str(HELLO_WAT).unwrap());
    for _ in 0..3 {
        let report = sandbox.run_blocking(&snippet).unwrap();
        assert_eq!(report.outcome, candor::Outcome::Completed);
        assert_eq!(report.stdout, "hello from wat\n");
    }
    let text = sandbox
        .run_blocking(&candor::Snippet::wat(OUT_OF_BOUNDS_WAT))
        .unwrap();
    assert_eq!(text.outcome, candor::Outcome::Failed);
}

#[test]
fn only_a_wasm_snippet_may_be_bytes() {
    let mut snippet = candor::Snippet::python("print(1)");
    snippet.binary = Some(b"print(1)".to_vec());
    let error = snippet.validate().unwrap_err();
    assert!(matches!(error, candor::Error::BadInput(_)), "{error:?}");
    assert_contains(&error.to_string(), "only wasm programs may be binary");
    assert!(
        candor::Snippet::wasm(b"\0asm\x01\0\0\0".to_vec())
            .validate()
            .is_ok()
    );
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn compiling_a_module_is_held_to_the_wall_clock_limit() {
    // thousands of functions take Cranelift far longer than a millisecond
    let mut wat = String::from("(module\n  (memory (export \"memory\") 1)\n");
    for i in 0..4000 {
        wat.push_str(&format!(
            "  (func $f{i} (param i32) (result i32) (i32.add (i32.mul (local.get 0) (i32.const {i})) (i32.const 7)))\n"
        ));
    }
    wat.push_str("  (func (export \"_start\")))\n");
    let dir = scratch();
    let run = run_program(dir.path(), "big.wat", wat.as_bytes(), &["--timeout", "1ms"]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    let r = run.json();
    assert_eq!(r["outcome"], "timed_out");
    assert_eq!(
        r["reason"],
        "wall-clock limit of 1ms reached while compiling the program on the host"
    );
    // the compilation went on, unused: with time, the same module runs
    let again = run_program(dir.path(), "big.wat", wat.as_bytes(), &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.json()["outcome"], "completed");
}
