//! C compiled to WebAssembly and run in the sandbox, next to native.
//!
//! `cargo bench --bench native`. For the 100-line `native/stats.c`, in one
//! run, interleaved, medians of `REPS`:
//! - compile-and-run, cold (a program the cache has not seen: zig compiles
//!   it, wasmtime compiles the module) and warm (both from the cache),
//!   through the library;
//! - native compile-and-run with `gcc -O2` and with `zig cc -O2` (x86-64);
//! - the CPU-bound kernel (a 400 x 400 matrix product) in the sandbox, warm,
//!   against the same program built by `gcc -O2`, and their ratio.
//!
//! zig's libraries for wasm32-wasi (and for x86-64) are built before timing:
//! that is a once-per-machine cost, not a compile's.

use candor::{Language, Sandbox, Snippet};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const PROGRAM: &str = include_str!("native/stats.c");
const REPS: usize = 9;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The source with a comment no earlier run had, so that nothing is cached.
fn fresh(tag: &str) -> String {
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("/* {tag} {nonce} */\n{PROGRAM}")
}

fn sandboxed(sandbox: &Sandbox, code: &str, size: &str) -> Duration {
    let snippet = Snippet::new(Language::C, "stats.c", code).with_arg(size);
    let started = Instant::now();
    let report = sandbox.run_blocking(&snippet).expect("runs");
    let took = started.elapsed();
    assert_eq!(
        report.outcome,
        candor::Outcome::Completed,
        "{}",
        report.stderr
    );
    assert!(report.stdout.contains("trace="), "{}", report.stdout);
    took
}

/// Compiles `code` with `compiler` (args before the source) in `dir` and runs
/// it with `size`: the whole time.
fn native(dir: &Path, compiler: &[&str], code: &str, size: &str) -> Duration {
    let source = dir.join("stats.c");
    std::fs::write(&source, code).unwrap();
    let binary = dir.join("stats");
    let started = Instant::now();
    let status = Command::new(compiler[0])
        .args(&compiler[1..])
        .arg("-O2")
        .arg(&source)
        .arg("-o")
        .arg(&binary)
        .arg("-lm")
        .status()
        .expect("the compiler runs");
    assert!(status.success());
    let output = Command::new(&binary).arg(size).output().unwrap();
    assert!(output.status.success());
    started.elapsed()
}

fn run_binary(binary: &Path, size: &str) -> Duration {
    let started = Instant::now();
    let output = Command::new(binary).arg(size).output().unwrap();
    assert!(output.status.success());
    started.elapsed()
}

fn main() {
    let zig = match Language::C.compiler() {
        Some(Ok(found)) => found.split_once(" at ").unwrap().1.to_string(),
        other => panic!("no zig: {other:?}"),
    };
    let sandbox = Sandbox::builder().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let zig_cc = [zig.as_str(), "cc"];
    // the once-per-machine library builds, and a first module compile
    sandboxed(&sandbox, &fresh("warm-up"), "50");
    native(dir.path(), &zig_cc, &fresh("warm-up"), "50");

    let (mut cold, mut warm, mut gcc, mut zig_native) = (vec![], vec![], vec![], vec![]);
    for rep in 0..REPS {
        let code = fresh(&format!("rep {rep}"));
        cold.push(ms(sandboxed(&sandbox, &code, "50")));
        warm.push(ms(sandboxed(&sandbox, &code, "50")));
        gcc.push(ms(native(dir.path(), &["gcc"], &fresh("gcc"), "50")));
        zig_native.push(ms(native(dir.path(), &zig_cc, &fresh("zig"), "50")));
    }
    println!("compile-and-run of native/stats.c (98 lines), medians of {REPS}:");
    println!(
        "  candor, cold (zig + wasmtime compile) {:8.1} ms",
        median(cold)
    );
    println!(
        "  candor, warm (both cached)            {:8.1} ms",
        median(warm)
    );
    println!(
        "  gcc -O2, native                       {:8.1} ms",
        median(gcc)
    );
    println!(
        "  zig cc -O2, native                    {:8.1} ms",
        median(zig_native)
    );

    // the kernel: the same program, compiled once, run many times
    let code = fresh("kernel");
    native(dir.path(), &["gcc"], &code, "10");
    let binary = dir.path().join("stats");
    sandboxed(&sandbox, &code, "400");
    let (mut inside, mut outside, mut ratios) = (vec![], vec![], vec![]);
    for _ in 0..REPS {
        let a = ms(sandboxed(&sandbox, &code, "400"));
        let b = ms(run_binary(&binary, "400"));
        inside.push(a);
        outside.push(b);
        ratios.push(a / b);
    }
    println!("CPU-bound kernel (400 x 400 matrix product and the statistics), medians of {REPS}:");
    println!("  candor (wasm, warm)  {:8.1} ms", median(inside.clone()));
    println!("  gcc -O2, native      {:8.1} ms", median(outside.clone()));
    println!(
        "  ratio {:.2} (median of pairs {:.2})",
        median(inside) / median(outside),
        median(ratios)
    );
}
