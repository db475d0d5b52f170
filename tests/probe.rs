//! `candor probe`: a run, then a run with the clock and the random source
//! fixed, whose output must be the same; when it is not, a
//! `nondeterministic_output` warning names the first differing line and
//! what the output follows. Runs the real binary and the library.

mod common;

use candor::probe::Probes;
use candor::{Language, Sandbox, Snippet};
use common::{assert_contains, candor_in, scratch};

fn probe(name: &str, code: &str, extra: &[&str]) -> (i32, serde_json::Value) {
    let dir = scratch();
    std::fs::write(dir.path().join(name), code).unwrap();
    let mut args = vec!["probe", name, "--format", "json"];
    args.extend_from_slice(extra);
    let run = candor_in(dir.path(), &args, &[]);
    (run.code, run.json())
}

/// The messages of the report's `nondeterministic_output` findings.
fn varying(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "nondeterministic_output")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn output_that_follows_the_random_source_is_a_warning() {
    let (code, report) = probe(
        "draw.py",
        "import random\nprint('header')\nprint(random.randint(1, 10**12))\n",
        &[],
    );
    let found = varying(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_contains(&found[0], "line 2 was `");
    assert!(
        found[0].ends_with("; it varies with the random source"),
        "{}",
        found[0]
    );
    assert_eq!(report["findings"][0]["severity"], "warning");
    assert_eq!(code, 1);
}

#[test]
fn output_that_follows_the_clock_is_a_warning() {
    let (_, report) = probe(
        "stamp.py",
        "import time\nprint('year', time.strftime('%Y', time.gmtime()))\n",
        &[],
    );
    let found = varying(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    // the fixed clock starts at 2024-01-01
    assert_contains(
        &found[0],
        "in a run with the clock and the random source fixed",
    );
    assert_contains(&found[0], "`year 2024`");
    assert!(
        found[0].ends_with("; it varies with the clock"),
        "{}",
        found[0]
    );
}

#[test]
fn javascript_randomness_is_found_the_same_way() {
    let (_, report) = probe(
        "draw.js",
        "console.log(Math.floor(Math.random() * 1e12));\n",
        &[],
    );
    let found = varying(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    // QuickJS seeds Math.random from the clock, and the message says so
    assert!(
        found[0].ends_with(
            "it varies with the clock (a clock reading, or `Math.random`, which this runtime \
             seeds from the clock)"
        ),
        "{}",
        found[0]
    );
}

#[test]
fn output_that_repeats_is_quiet() {
    for (name, code) in [
        (
            "sum.py",
            "import random\nrandom.seed(7)\nprint(sorted({3, 1, 2}), random.random())\n",
        ),
        ("sum.js", "console.log([3, 1, 2].sort().join(','));\n"),
    ] {
        let (code, report) = probe(name, code, &[]);
        assert!(varying(&report).is_empty(), "{name}: {report:#}");
        assert_eq!(code, 0, "{name}: {report:#}");
    }
}

#[test]
fn probe_refuses_deterministic_runs() {
    let dir = scratch();
    std::fs::write(dir.path().join("x.py"), "print(1)\n").unwrap();
    let run = candor_in(dir.path(), &["probe", "x.py", "--deterministic"], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, "--deterministic");
}

#[test]
fn a_pooled_sandbox_fixes_the_sources_of_the_runs_that_ask_for_it() {
    // a pooled sandbox keeps an instance ready, made with free sources: the
    // runs that fix them must not take it
    let sandbox = Sandbox::builder().concurrent_runs(4).build().unwrap();
    let snippet = Snippet::new(
        Language::Python,
        "stamp.py",
        "import time\nprint(time.strftime('%Y', time.gmtime()))\n",
    );
    let probes = Probes::default().determinism(true);
    for _ in 0..3 {
        let report = candor::probe::run_blocking(&sandbox, &snippet, &probes).unwrap();
        let found: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.kind == candor::FindingKind::NondeterministicOutput)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(found.len(), 1, "{report:#?}");
        assert!(
            found[0].ends_with("it varies with the clock"),
            "{}",
            found[0]
        );
    }
}

#[test]
fn check_probe_checks_every_file() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("draw.py"),
        "import random\nprint(random.random())\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("fixed.py"), "print(6 * 7)\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["check", ".", "--probe", "--format", "json"],
        &[],
    );
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let json = run.json();
    let kinds = |file: &str| -> Vec<String> {
        let report = json["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(file))
            .unwrap_or_else(|| panic!("no report of {file}: {json:#}"));
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(kinds("draw.py"), ["nondeterministic_output"]);
    assert!(kinds("fixed.py").is_empty());
    // the same check without --probe: nothing is compared
    let plain = candor_in(dir.path(), &["check", ".", "--format", "json"], &[]);
    assert_eq!(plain.code, 0, "{}", plain.stdout);
}
