//! A hot handler's firings are counted exactly. The guest harnesses count
//! repeated facts themselves and send the counts in batches (the first few with
//! their details at once, then when the total reaches a power of two or 256
//! repeats are unsent, and the rest at the end): these run the real binary
//! with thousands of caught exceptions and check the counts in the report.
//!
//! A run stopped by a limit cannot send what it had not sent yet: its report
//! keeps every finding whose first firing happened before the stop, with the
//! firings sent so far, which are never more than happened and fewer by less
//! than 256 per handler and exception type.

mod common;

use common::{assert_contains, run_snippet, scratch};
use serde_json::Value;

/// The most firings of one handler and exception type a stopped run may leave uncounted.
const BATCH: u64 = 256;

fn report(name: &str, code: &str, extra: &[&str]) -> Value {
    let dir = scratch();
    run_snippet(dir.path(), name, code, extra).json()
}

/// The one finding of `kind` in report `r`.
#[track_caller]
fn finding<'a>(r: &'a Value, kind: &str) -> &'a Value {
    let all: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == kind)
        .collect();
    assert_eq!(all.len(), 1, "one {kind} finding expected: {r:#}");
    all[0]
}

#[track_caller]
fn assert_count(r: &Value, kind: &str, count: u64, times: &str) {
    let f = finding(r, kind);
    assert_eq!(f["count"], count, "{f:#}");
    assert_contains(f["message"].as_str().unwrap(), times);
}

const PY_10K: &str = "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        return 0\n\nvalues = [parse('x') for _ in range(10_000)]\nprint(len(values))\n";

#[test]
fn python_counts_ten_thousand_caught_exceptions_exactly() {
    let r = report("hot.py", PY_10K, &[]);
    assert_eq!(r["outcome"], "completed", "{r:#}");
    assert_eq!(r["stdout"], "10000\n");
    assert_eq!(r["instrumentation_tampered"], false, "{r:#}");
    assert_count(&r, "swallowed_exception", 10_000, "(10000 times)");
    assert_count(&r, "fabricated_value", 10_000, "(10000 times)");
}

#[test]
fn python_counts_each_exception_type_of_a_hot_handler() {
    let code = "def parse(i):\n    try:\n        if i % 10 < 3:\n            raise KeyError(i)\n        return int('x')\n    except (ValueError, KeyError):\n        return 0\n\nprint(sum(parse(i) for i in range(10_000)))\n";
    let r = report("types.py", code, &[]);
    assert_eq!(r["outcome"], "completed", "{r:#}");
    assert_count(
        &r,
        "swallowed_exception",
        10_000,
        "(10000 times: KeyError ×3000, ValueError ×7000)",
    );
    assert_count(&r, "fabricated_value", 10_000, "(10000 times)");
}

#[test]
fn python_counts_a_hot_retry_loop_and_a_placeholder_after_the_handler() {
    // a retry loop that recovers (no finding) next to a swallow whose
    // placeholder is returned after the `try`: both fire thousands of times
    let code = "def fetch(i):\n    for attempt in range(3):\n        try:\n            if attempt < 2 and i % 2:\n                raise ConnectionError('down')\n            return i\n        except ConnectionError:\n            continue\n    return None\n\ndef load(d, k):\n    try:\n        v = d[k]\n    except KeyError:\n        pass\n    else:\n        return v\n    return -1\n\nprint(sum(fetch(i) for i in range(3000)))\nprint(sum(load({1: 2}, i % 3) for i in range(3000)))\n";
    let r = report("mixed.py", code, &[]);
    assert_eq!(r["outcome"], "completed", "{r:#}");
    assert_count(&r, "swallowed_exception", 2000, "(2000 times)");
    assert_count(&r, "fabricated_value", 2000, "(2000 times)");
    assert_contains(
        finding(&r, "swallowed_exception")["message"]
            .as_str()
            .unwrap(),
        "KeyError",
    );
}

#[test]
fn javascript_counts_ten_thousand_caught_exceptions_exactly() {
    let code = "function parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch (e) {\n    return 0;\n  }\n}\nconst values = [];\nfor (let i = 0; i < 10000; i++) values.push(parse(i % 10 < 3 ? '{' : 'x'));\nconsole.log(values.length);\n";
    let r = report("hot.js", code, &[]);
    assert_eq!(r["outcome"], "completed", "{r:#}");
    assert_eq!(r["instrumentation_tampered"], false, "{r:#}");
    assert_count(&r, "fabricated_value", 10_000, "(10000 times)");
}

/// The swallow count of a run stopped by fuel against the iterations it
/// printed; those iterations.
#[track_caller]
fn assert_counted_before_the_stop(r: &Value, exception: &str) -> u64 {
    assert_eq!(r["outcome"], "fuel_exhausted", "{r:#}");
    let printed: u64 = r["stdout"]
        .as_str()
        .unwrap()
        .lines()
        .last()
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    assert!(printed > 4 * BATCH, "the run stopped too early: {printed}");
    let f = finding(r, "swallowed_exception");
    let count = f["count"].as_u64().unwrap();
    // the firing of the iteration that did not print yet may be counted
    assert!(count <= printed + 1, "{count} counted, {printed} happened");
    assert!(
        count + BATCH > printed,
        "{count} counted, {printed} happened: more than a batch lost"
    );
    assert_contains(f["message"].as_str().unwrap(), exception);
    printed
}

#[test]
fn a_python_run_stopped_by_fuel_reports_the_firings_sent_before_the_stop() {
    let code = "i = 0\nwhile True:\n    try:\n        int('x')\n    except ValueError:\n        pass\n    i += 1\n    print(i, flush=True)\n";
    let r = report("stopped.py", code, &["--fuel", "400000000"]);
    assert_counted_before_the_stop(&r, "ValueError");
}

#[test]
fn a_python_run_stopped_by_fuel_counts_a_handlers_literal_with_its_firings() {
    // the literal a plain handler puts in place is counted with the handler's
    // firings, not by a probe of its own: stopped, it lags them by less than
    // a batch, and is never more than happened
    let code = "i = 0\nwhile True:\n    try:\n        value = int('x')\n    except ValueError:\n        value = 0\n    i += 1\n    print(i + value, flush=True)\n";
    let r = report("stopped_literal.py", code, &["--fuel", "400000000"]);
    let printed = assert_counted_before_the_stop(&r, "ValueError");
    let values = finding(&r, "fabricated_value")["count"].as_u64().unwrap();
    assert!(
        values <= printed + 1,
        "{values} values counted, {printed} happened"
    );
    assert!(
        values + BATCH > printed,
        "{values} values counted, {printed} happened"
    );
}

#[test]
fn a_javascript_run_stopped_by_fuel_reports_the_firings_sent_before_the_stop() {
    let code = "let i = 0;\nfor (;;) {\n  try {\n    JSON.parse('x');\n  } catch (e) {\n  }\n  i++;\n  console.log(i);\n}\n";
    let r = report("stopped.js", code, &["--fuel", "400000000"]);
    assert_counted_before_the_stop(&r, "SyntaxError");
}
