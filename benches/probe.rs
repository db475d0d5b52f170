//! The cost of `candor probe`: calls of a snippet's functions with edge-case
//! inputs, through the library.
//!
//! `cargo bench --bench probe`. For a 50-line snippet with five functions
//! (Python, then the same in JavaScript), in one process and one sandbox, in
//! turn: a plain run; a run with the calls (what `Probes::calls` adds: one
//! more run of the snippet that then calls its functions); and everything
//! `candor probe` does (the calls and the determinism check). Prints medians
//! of the wall time, the calls made, and the time per call: the calls' run
//! less a plain run, over the calls (targets: <= 2 ms a call, <= 2 s for the
//! whole probe).

use candor::probe::{self, Probes};
use candor::{Sandbox, Snippet};
use std::time::Instant;

const PYTHON: &str = r#"import json
from datetime import datetime


def parse_price(text):
    try:
        return float(text.replace("$", ""))
    except ValueError:
        return 0.0


def load_settings(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return {"debug": False}


def average(values):
    if not values:
        raise ValueError("no values")
    return sum(values) / len(values)


def due_date(text):
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        return datetime(1970, 1, 1).date()


def first_word(text):
    try:
        return text.split()[0]
    except IndexError:
        return ""


print(parse_price("$3.50"))
print(load_settings('{"debug": true}'))
print(average([1, 2, 3]))
print(due_date("2024-05-01"))
print(first_word("hello world"))
"#;

const JAVASCRIPT: &str = r#"function parsePrice(text) {
  try {
    const value = Number.parseFloat(text.replace("$", ""));
    if (Number.isNaN(value)) throw new Error("not a price");
    return value;
  } catch {
    return 0;
  }
}

function loadSettings(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { debug: false };
  }
}

function average(values) {
  if (values.length === 0) throw new RangeError("no values");
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function dueDate(text) {
  try {
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) throw new Error("bad date");
    return date.toISOString().slice(0, 10);
  } catch {
    return "1970-01-01";
  }
}

function firstWord(text) {
  try {
    return text.trim().split(/\s+/)[0];
  } catch {
    return "";
  }
}

console.log(parsePrice("$3.50"));
console.log(loadSettings('{"debug": true}'));
console.log(average([1, 2, 3]));
console.log(dueDate("2024-05-01"));
console.log(firstWord("hello world"));
"#;

const REPS: usize = 11;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Milliseconds `f` takes, and what it returns.
fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let started = Instant::now();
    let value = f();
    (started.elapsed().as_secs_f64() * 1e3, value)
}

fn main() {
    let sandbox = Sandbox::builder().build().unwrap();
    let calls = Probes::default().calls(probe::DEFAULT_CALLS);
    let whole = Probes::default()
        .calls(probe::DEFAULT_CALLS)
        .budget(probe::DEFAULT_BUDGET)
        .determinism(true);
    for (name, snippet) in [
        ("python", Snippet::python(PYTHON)),
        ("javascript", Snippet::javascript(JAVASCRIPT)),
    ] {
        let (mut plain, mut called, mut all) = (Vec::new(), Vec::new(), Vec::new());
        let mut made = 0;
        let mut findings = 0;
        for rep in 0..=REPS {
            let (t0, r0) = timed(|| sandbox.run_blocking(&snippet).unwrap());
            let (t1, r1) = timed(|| probe::run_blocking(&sandbox, &snippet, &calls).unwrap());
            let (t2, _) = timed(|| probe::run_blocking(&sandbox, &snippet, &whole).unwrap());
            assert_eq!(r0.outcome, candor::Outcome::Completed, "{}", r0.stderr);
            made = r1.probes.as_ref().map_or(0, |p| p.calls);
            findings = r1.findings.len();
            if rep > 0 {
                // the first round warms the caches
                plain.push(t0);
                called.push(t1);
                all.push(t2);
            }
        }
        let (plain, called, all) = (median(plain), median(called), median(all));
        println!(
            "{name:10} plain run {plain:7.2} ms | with calls {called:7.2} ms ({made} calls, {findings} findings) | {:.3} ms a call | whole probe {all:7.2} ms",
            (called - 2.0 * plain) / made.max(1) as f64,
        );
    }
}
