//! The cost of detection: the same snippets with detection on and off, in one run.
//!
//! `cargo bench --bench detection`. Prints wall-time medians, fuel, and the
//! on/off ratios (targets: <= 1.05x for exception-free code; the 10 000
//! caught exceptions case is reported as measured).

use candor::{Sandbox, Snippet};
use std::time::{Duration, Instant};

const CPU_BOUND: &str =
    "total = 0\nfor i in range(2_000_000):\n    total += i * i % 7\nprint(total)\n";
const CAUGHT_10K: &str = "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        return 0\n\nvalues = [parse('x') for _ in range(10_000)]\nprint(len(values))\n";
const REPS: usize = 9;

fn measure(sandbox: &Sandbox, code: &str) -> (Duration, u64) {
    let snippet = Snippet::python(code);
    let mut times = Vec::new();
    let mut fuel = 0;
    for _ in 0..REPS {
        let started = Instant::now();
        let report = sandbox.run_blocking(&snippet).expect("runs");
        times.push(started.elapsed());
        assert_eq!(
            report.outcome,
            candor::Outcome::Completed,
            "{}",
            report.stderr
        );
        fuel = report.fuel_consumed;
    }
    times.sort();
    (times[REPS / 2], fuel)
}

fn main() {
    let on = Sandbox::builder().build().unwrap();
    let off = Sandbox::builder().detection(false).build().unwrap();
    for (name, code) in [
        ("CPU-bound, no exceptions", CPU_BOUND),
        ("10 000 caught exceptions", CAUGHT_10K),
    ] {
        let (t_off, f_off) = measure(&off, code);
        let (t_on, f_on) = measure(&on, code);
        println!(
            "{name:26} off {:8.2} ms {:>12} fuel | on {:8.2} ms {:>12} fuel | time ratio {:.3}, fuel ratio {:.3}",
            t_off.as_secs_f64() * 1e3,
            f_off,
            t_on.as_secs_f64() * 1e3,
            f_on,
            t_on.as_secs_f64() / t_off.as_secs_f64(),
            f_on as f64 / f_off as f64
        );
    }
}
