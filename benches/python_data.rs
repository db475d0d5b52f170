//! A small pandas snippet on the python-data runtime, next to native CPython.
//!
//! `cargo bench --bench python_data` (the runtime must be installed:
//! `candor runtimes install python-data`). In one run, interleaved, medians
//! of `REPS`:
//! - the snippet through the library (one sandbox, a run each), with
//!   detection on and off;
//! - hello world through the library;
//! - native: `$CANDOR_BENCH_PANDAS_PYTHON` (a python3 that can import
//!   pandas, e.g. from a venv made for the benchmark) running the same
//!   snippet as a process; skipped when the variable is not set.

use candor::{Language, Sandbox, Snippet};
use std::process::Command;
use std::time::{Duration, Instant};

const REPS: usize = 11;

/// A group-by sum of a small frame: what a data snippet does.
const SNIPPET: &str = "\
import pandas as pd
df = pd.DataFrame({'region': ['north', 'south', 'north', 'east', 'south'],
                   'revenue': [120.0, 80.5, 99.5, 42.0, 10.0]})
totals = df.groupby('region')['revenue'].sum()
print(totals.to_string())
";

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn sandboxed(sandbox: &Sandbox, code: &str) -> Duration {
    let snippet = Snippet::new(Language::Python, "data.py", code).with_runtime("python-data");
    let started = Instant::now();
    let report = sandbox.run_blocking(&snippet).expect("runs");
    let took = started.elapsed();
    assert_eq!(
        report.outcome,
        candor::Outcome::Completed,
        "{}",
        report.stderr
    );
    took
}

fn native(python: &str) -> Duration {
    let started = Instant::now();
    let output = Command::new(python)
        .args(["-c", SNIPPET])
        .output()
        .expect("the native python runs");
    let took = started.elapsed();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    took
}

fn main() {
    let sandbox = Sandbox::builder().build().unwrap();
    let quiet = Sandbox::builder().detection(false).build().unwrap();
    let python = std::env::var("CANDOR_BENCH_PANDAS_PYTHON").ok();
    // loads (and, if need be, compiles) the runtime and the harness's bytecode
    sandboxed(&sandbox, SNIPPET);
    sandboxed(&quiet, SNIPPET);
    if let Some(python) = &python {
        native(python);
    }
    let (mut on, mut off, mut hello, mut outside) = (vec![], vec![], vec![], vec![]);
    for _ in 0..REPS {
        on.push(ms(sandboxed(&sandbox, SNIPPET)));
        off.push(ms(sandboxed(&quiet, SNIPPET)));
        hello.push(ms(sandboxed(&sandbox, "print('hello')\n")));
        if let Some(python) = &python {
            outside.push(ms(native(python)));
        }
    }
    println!("a pandas group-by on python-data, medians of {REPS}:");
    let on = median(on);
    println!("  candor, detection on   {on:8.1} ms");
    println!("  candor, detection off  {:8.1} ms", median(off));
    println!("  candor, hello world    {:8.1} ms", median(hello));
    match python {
        Some(python) => {
            let outside = median(outside);
            println!("  native {python}  {outside:8.1} ms");
            println!("  ratio (detection on / native) {:.2}", on / outside);
        }
        None => println!("  native: set CANDOR_BENCH_PANDAS_PYTHON to a python3 with pandas"),
    }
}
