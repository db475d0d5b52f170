//! The cost of detection: the same snippets with detection on and off, in one run.
//!
//! `cargo bench --bench detection`. Prints wall-time medians, fuel, and the
//! on/off ratios, for Python and JavaScript (targets: <= 1.05x for
//! exception-free code, with or without a handler that never fires; <= 2x for
//! 10 000 caught exceptions). Off and on runs alternate, and the time ratio is
//! given both as the ratio of the medians and as the median of the pairs'
//! ratios; fuel is deterministic.

use candor::{Sandbox, Snippet};
use std::time::{Duration, Instant};

const PY_CPU_BOUND: &str =
    "total = 0\nfor i in range(2_000_000):\n    total += i * i % 7\nprint(total)\n";
const PY_CPU_TRY: &str = "total = 0\nfor i in range(2_000_000):\n    try:\n        total += i * i % 7\n    except ZeroDivisionError:\n        total = 0\nprint(total)\n";
const PY_CAUGHT_10K: &str = "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        return 0\n\nvalues = [parse('x') for _ in range(10_000)]\nprint(len(values))\n";
// the same, with a handler whose body calls something: no plain-handler fast path
const PY_CAUGHT_10K_CALL: &str = "skipped = []\n\ndef parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        skipped.append(text)\n        return 0\n\nvalues = [parse('x') for _ in range(10_000)]\nprint(len(values))\n";
const JS_CPU_BOUND: &str = "let total = 0;\nfor (let i = 0; i < 2000000; i++) {\n  total += i * i % 7;\n}\nconsole.log(total);\n";
const JS_CAUGHT_10K: &str = "function parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch (e) {\n    return 0;\n  }\n}\nconst values = [];\nfor (let i = 0; i < 10000; i++) values.push(parse('x'));\nconsole.log(values.length);\n";
const REPS: usize = 11;

/// One run's wall time and fuel.
fn run(sandbox: &Sandbox, snippet: &Snippet) -> (Duration, u64) {
    let started = Instant::now();
    let report = sandbox.run_blocking(snippet).expect("runs");
    let elapsed = started.elapsed();
    assert_eq!(
        report.outcome,
        candor::Outcome::Completed,
        "{}",
        report.stderr
    );
    (elapsed, report.fuel_consumed)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let on = Sandbox::builder().build().unwrap();
    let off = Sandbox::builder().detection(false).build().unwrap();
    for (name, snippet) in [
        ("py CPU-bound, no exceptions", Snippet::python(PY_CPU_BOUND)),
        ("py CPU-bound, idle handler", Snippet::python(PY_CPU_TRY)),
        (
            "py 10 000 caught exceptions",
            Snippet::python(PY_CAUGHT_10K),
        ),
        (
            "py 10 000 caught, handler calls",
            Snippet::python(PY_CAUGHT_10K_CALL),
        ),
        (
            "js CPU-bound, no exceptions",
            Snippet::javascript(JS_CPU_BOUND),
        ),
        (
            "js 10 000 caught exceptions",
            Snippet::javascript(JS_CAUGHT_10K),
        ),
    ] {
        // off and on in turn, so that a change in the machine's load weighs on both
        let (mut t_off, mut t_on, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        let (mut f_off, mut f_on) = (0, 0);
        run(&off, &snippet);
        run(&on, &snippet);
        for _ in 0..REPS {
            let (t0, f0) = run(&off, &snippet);
            let (t1, f1) = run(&on, &snippet);
            t_off.push(t0.as_secs_f64() * 1e3);
            t_on.push(t1.as_secs_f64() * 1e3);
            ratios.push(t1.as_secs_f64() / t0.as_secs_f64());
            (f_off, f_on) = (f0, f1);
        }
        println!(
            "{name:28} off {:8.2} ms {:>12} fuel | on {:8.2} ms {:>12} fuel | time ratio {:.3} (median of pairs {:.3}), fuel ratio {:.3}",
            median(t_off.clone()),
            f_off,
            median(t_on.clone()),
            f_on,
            median(t_on) / median(t_off),
            median(ratios),
            f_on as f64 / f_off as f64
        );
    }
}
