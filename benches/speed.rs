//! Start-up and per-run cost, against baselines measured in the same run.
//!
//! `cargo bench --bench speed` (build first: `cargo build --release`). Prints
//! medians and ratios; it asserts nothing, it measures.

use candor::{Sandbox, Snippet};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn time_process(program: &str, args: &[&str], reps: usize) -> Duration {
    median(
        (0..reps)
            .map(|_| {
                let started = Instant::now();
                // candor run passes a piped stdin to the guest: give it none
                let status = Command::new(program)
                    .args(args)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .expect("runs");
                assert!(status.code().is_some());
                started.elapsed()
            })
            .collect(),
    )
}

/// Peak RSS in KiB of one run of `program args`, by GNU time (None when it is missing).
fn peak_rss_kib(program: &str, args: &[&str]) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

/// Pyodide on Node, installed with npm under target/ on first use.
fn pyodide_baseline() -> Option<serde_json::Value> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target").join("bench-pyodide");
    let entry = dir.join("node_modules/pyodide/pyodide.mjs");
    if !entry.exists() {
        std::fs::create_dir_all(&dir).ok()?;
        let status = Command::new("npm")
            .args(["install", "--silent", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .arg("pyodide@314.0.7")
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
    }
    let out = Command::new("node")
        .arg(root.join("benches/pyodide_baseline.mjs"))
        .arg(&entry)
        .output()
        .ok()?;
    serde_json::from_slice(&out.stdout).ok()
}

fn main() {
    if let Ok(n) = std::env::var("CANDOR_BENCH_LIBRARY_ONLY") {
        // for profilers: only N library runs of `pass`
        let sandbox = Sandbox::builder().build().unwrap();
        let snippet = Snippet::python("pass");
        for _ in 0..n.parse::<usize>().unwrap_or(1000) {
            sandbox.run_blocking(&snippet).unwrap();
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let hello = dir.path().join("hello.py");
    std::fs::write(&hello, "print('hello')\n").unwrap();
    let cpu_code = "print(sum(i*i for i in range(3_000_000)))\n";
    let cpu = dir.path().join("cpu.py");
    std::fs::write(&cpu, cpu_code).unwrap();
    let candor = env!("CARGO_BIN_EXE_candor");
    let hello_s = hello.to_str().unwrap();

    // whole process, compile cache warm; the baseline is the interpreter itself,
    // not a launcher shim (pyenv's adds ~50 ms)
    let python = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|_| "python3".to_string());
    let python = python.as_str();
    let _ = time_process(candor, &["run", hello_s], 1);
    let native = time_process(python, &[hello_s], 21);
    let ours = time_process(candor, &["run", hello_s], 21);
    println!(
        "candor run hello.py (process)      median {:7.2} ms | python3 hello.py {:7.2} ms | ratio {:.2}",
        ms(ours),
        ms(native),
        ms(ours) / ms(native)
    );

    // library: instantiate + run + report. Back to back, runs also compete with
    // the resets of the instances before them; 5 ms apart (an agent's pace),
    // the sandbox's ready instance is waiting and the last reset is done.
    let sandbox = Sandbox::builder().build().unwrap();
    for (name, code) in [("pass", "pass\n"), ("hello", "print('hello')\n")] {
        let snippet = Snippet::python(code);
        for _ in 0..5 {
            sandbox.run_blocking(&snippet).unwrap();
        }
        for (pace, gap) in [("back to back", None), ("5 ms apart  ", Some(5))] {
            let runs: Vec<Duration> = (0..200)
                .map(|_| {
                    if let Some(gap) = gap {
                        std::thread::sleep(Duration::from_millis(gap));
                    }
                    let started = Instant::now();
                    sandbox.run_blocking(&snippet).unwrap();
                    started.elapsed()
                })
                .collect();
            println!(
                "library run `{name}`, {pace}    median {:7.3} ms",
                ms(median(runs))
            );
        }
    }

    // CPU-bound, fuel on, against native
    let native_cpu = time_process(python, &[cpu.to_str().unwrap()], 5);
    let ours_cpu = time_process(candor, &["run", cpu.to_str().unwrap()], 5);
    println!(
        "CPU loop (process)                 median {:7.1} ms | python3 {:7.1} ms | ratio {:.2}",
        ms(ours_cpu),
        ms(native_cpu),
        ms(ours_cpu) / ms(native_cpu)
    );

    // peak memory of one whole process
    match (
        peak_rss_kib(candor, &["run", hello_s]),
        peak_rss_kib(python, &[hello_s]),
    ) {
        (Some(ours), Some(native)) => println!(
            "peak RSS, candor run hello.py      {:7.1} MiB | python3 hello.py {:7.1} MiB | target <= 64 MiB",
            ours as f64 / 1024.0,
            native as f64 / 1024.0
        ),
        _ => println!("peak RSS: /usr/bin/time (GNU time) is not installed; row skipped"),
    }

    // the peer: CPython in WebAssembly on Node (Pyodide)
    match pyodide_baseline() {
        Some(p) => println!(
            "Pyodide on Node: load {:.0} ms, hello {:.2} ms, CPU loop {:.0} ms (candor's CPU loop, whole process: {:.0} ms)",
            p["load_ms"].as_f64().unwrap_or(f64::NAN),
            p["hello_ms"].as_f64().unwrap_or(f64::NAN),
            p["cpu_ms"].as_f64().unwrap_or(f64::NAN),
            ms(ours_cpu)
        ),
        None => println!("Pyodide on Node: npm or node unavailable; row skipped"),
    }

    // throughput: 1000 hello runs through one Sandbox on 2 tasks, three times
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let rounds: Vec<Duration> = (0..3)
        .map(|_| {
            let started = Instant::now();
            runtime.block_on(async {
                let mut tasks = Vec::new();
                for worker in 0..2 {
                    let sandbox = sandbox.clone();
                    tasks.push(tokio::spawn(async move {
                        let snippet = Snippet::python(format!("print({worker})"));
                        for _ in 0..500 {
                            sandbox.run(&snippet).await.unwrap();
                        }
                    }));
                }
                for t in tasks {
                    t.await.unwrap();
                }
            });
            started.elapsed()
        })
        .collect();
    let rates: Vec<String> = rounds
        .iter()
        .map(|d| format!("{:.0}", 1000.0 / d.as_secs_f64()))
        .collect();
    println!(
        "1000 hello runs, one Sandbox, 2 tasks: median {:.0} runs/s (rounds: {})",
        1000.0 / median(rounds).as_secs_f64(),
        rates.join(", ")
    );
}
