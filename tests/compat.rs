//! The differential compatibility corpus: every program in `tests/compat/python/`
//! and `tests/compat/js/` runs under the native interpreter and under the real
//! `candor` binary, and the two runs must agree on stdout, the last line of
//! stderr and the exit code. A `.ts` program is compared with its
//! `NAME.ts.expected` sidecar instead (node 20 cannot run TypeScript).
//!
//! Programs whose output legitimately differs, or that candor cannot run yet,
//! are listed in `tests/compat/known_differences.txt` (`path<TAB>reason`); the
//! test asserts that each of them still differs, so a fixed one must leave the
//! list. `tests/compat/README.md` describes the rules and how to add a program.
//!
//! Native Python is the newest runnable of `python3.13`, `python3.12` and
//! `python3` on PATH or installed with pyenv (`CANDOR_COMPAT_PYTHON` overrides
//! it), native JavaScript is
//! `node` (`CANDOR_COMPAT_NODE`). A missing interpreter fails the test unless
//! `CANDOR_COMPAT_SKIP_NATIVE=1`, which skips that language's native runs.
//! `CANDOR_COMPAT_BIN` runs the corpus against another candor binary than the
//! one this test was built with.

mod common;

#[path = "compat/support.rs"]
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use support::{Language, Native, Outcome, Program};

/// Programs run at once (each runs its native side, then its candor side).
const WORKERS: usize = 3;

/// What the two sides of one program did.
struct Compared {
    program: Program,
    /// None when the native side was skipped.
    native: Result<Option<Outcome>, String>,
    candor: Outcome,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compat")
}

/// Detection's precision on real programs: candor's warnings and errors on
/// the corpus, against `expected_findings.txt` (`path<TAB>kind line<TAB>verdict`,
/// one line per finding). The corpus is ordinary code: a finding not listed
/// there is a false alarm until its verdict says otherwise.
fn precision_problems(results: &[Compared]) -> Vec<String> {
    let path = corpus_dir().join("expected_findings.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut expected = BTreeMap::<String, Vec<String>>::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut fields = line.split('\t');
        let (Some(name), Some(finding), Some(_verdict)) =
            (fields.next(), fields.next(), fields.next())
        else {
            panic!(
                "{}: expected `path<TAB>kind line<TAB>verdict`, got {line:?}",
                path.display()
            );
        };
        expected
            .entry(name.to_string())
            .or_default()
            .push(finding.to_string());
    }
    let mut problems = Vec::new();
    for r in results {
        let mut want = expected.remove(&r.program.name).unwrap_or_default();
        let mut got = r.candor.findings.clone();
        want.sort();
        got.sort();
        if want != got {
            problems.push(format!(
                "{}: candor found {got:?} at warning level or above; expected_findings.txt lists {want:?}",
                r.program.name
            ));
        }
    }
    for name in expected.keys() {
        problems.push(format!(
            "expected_findings.txt lists {name}, which is not a program of tests/compat"
        ));
    }
    problems
}

/// `path<TAB>reason` lines of known_differences.txt, `#` comments and blank lines skipped.
fn known_differences() -> BTreeMap<String, String> {
    let path = corpus_dir().join("known_differences.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut known = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, reason)) = line.split_once('\t') else {
            panic!(
                "{}:{}: expected `path<TAB>reason`, got {line:?}",
                path.display(),
                n + 1
            );
        };
        assert!(
            !reason.trim().is_empty(),
            "{}:{}: {name} has no reason",
            path.display(),
            n + 1
        );
        let previous = known.insert(name.trim().to_string(), reason.trim().to_string());
        assert!(
            previous.is_none(),
            "{}:{}: {name} is listed twice",
            path.display(),
            n + 1
        );
    }
    known
}

/// Runs both sides of every program, `WORKERS` programs at a time.
fn run_all(programs: Vec<Program>, python: &Native, node: &Native) -> Vec<Compared> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(programs.len()));
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(program) = programs.get(i) else {
                        break;
                    };
                    let native = match program.language {
                        Language::Python => python.run(program),
                        Language::JavaScript => node.run(program),
                    };
                    let candor = support::run_candor(program);
                    results.lock().unwrap().push(Compared {
                        program: program.clone(),
                        native,
                        candor,
                    });
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.program.name.cmp(&b.program.name));
    results
}

#[test]
fn native_and_candor_agree_on_every_program() {
    let programs = support::programs(&corpus_dir());
    let count = |l: Language| programs.iter().filter(|p| p.language == l).count();
    assert!(
        count(Language::Python) >= 160,
        "the Python corpus shrank to {}",
        count(Language::Python)
    );
    assert!(
        count(Language::JavaScript) >= 55,
        "the JavaScript corpus shrank to {}",
        count(Language::JavaScript)
    );
    let known = known_differences();
    for name in known.keys() {
        assert!(
            programs.iter().any(|p| &p.name == name),
            "known_differences.txt lists {name}, which is not a program of tests/compat"
        );
    }

    let python = Native::python();
    let node = Native::node();
    println!(
        "compat: native {}; {}; candor {}",
        python.describe(),
        node.describe(),
        std::env::var("CANDOR_COMPAT_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_candor").to_string())
    );
    let results = run_all(programs, &python, &node);

    let mut problems = precision_problems(&results);
    let mut matched = BTreeMap::<Language, (usize, usize)>::new();
    let mut skipped = 0;
    for r in &results {
        let tally = matched.entry(r.program.language).or_default();
        let native = match &r.native {
            Ok(Some(native)) => native,
            Ok(None) => {
                skipped += 1;
                continue;
            }
            Err(why) => {
                problems.push(format!("{}: {why}", r.program.name));
                continue;
            }
        };
        tally.1 += 1;
        let same = native == &r.candor;
        tally.0 += usize::from(same);
        match (same, known.get(&r.program.name)) {
            (true, Some(reason)) => problems.push(format!(
                "{}: now matches native; remove it from known_differences.txt (it said: {reason})",
                r.program.name
            )),
            (false, None) => problems.push(format!(
                "{}: differs from native\n{}",
                r.program.name,
                support::explain(native, &r.candor)
            )),
            (false, Some(reason)) => {
                println!("compat: known difference {}: {reason}", r.program.name)
            }
            (true, None) => {}
        }
    }
    let (py_ok, py_all) = matched.get(&Language::Python).copied().unwrap_or_default();
    let (js_ok, js_all) = matched
        .get(&Language::JavaScript)
        .copied()
        .unwrap_or_default();
    println!(
        "compat: {py_ok}/{py_all} python, {js_ok}/{js_all} js match ({} known differences{})",
        known.len(),
        if skipped > 0 {
            format!(", {skipped} programs not compared: CANDOR_COMPAT_SKIP_NATIVE=1")
        } else {
            String::new()
        }
    );
    assert!(
        problems.is_empty(),
        "{} of {} programs disagree with tests/compat/known_differences.txt:\n\n{}",
        problems.len(),
        results.len(),
        problems.join("\n\n")
    );
}

#[test]
fn stderr_last_line_drops_javascript_stack_decoration() {
    let node = "/tmp/x.js:3\nthrow new TypeError(\"boom\");\n^\n\nTypeError: boom\n    at f (/tmp/x.js:3:7)\n    at node:internal/main:1:2\n\nNode.js v20.20.2\n";
    assert_eq!(
        support::last_line(node, Language::JavaScript),
        "TypeError: boom"
    );
    let quickjs = "Uncaught (in promise) Error: rej\n    at <eval> (r.js:1:20)\n";
    assert_eq!(
        support::last_line(quickjs, Language::JavaScript),
        "Error: rej"
    );
    let python =
        "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: bad  \n\n";
    assert_eq!(
        support::last_line(python, Language::Python),
        "ValueError: bad"
    );
    assert_eq!(
        support::last_line("    +------------\n", Language::Python),
        "    +------------"
    );
    assert_eq!(support::last_line("", Language::Python), "");
}

#[test]
fn candor_args_come_from_a_comment_in_the_first_lines() {
    let py = "# candor-args: --max-output 4MiB --timeout 30s\n# what it checks\nprint(1)\n";
    assert_eq!(
        support::candor_args(py),
        ["--max-output", "4MiB", "--timeout", "30s"]
    );
    let js = "// checks a thing\n//candor-args: --memory 64MiB\n";
    assert_eq!(support::candor_args(js), ["--memory", "64MiB"]);
    let late = "1\n2\n3\n4\n5\n# candor-args: --timeout 1s\n";
    assert!(support::candor_args(late).is_empty());
}
