//! Strict re-runs (`--strict`, `SandboxBuilder::strict`, `Snippet::strict`):
//! a run whose handlers swallowed is run again with each such handler
//! re-raising, and every finding it speaks to says what the error would have
//! done: the run fails, the output changes, or nothing changes (then the
//! finding drops one severity level).

mod common;

use candor::{FindingKind, Language, Sandbox, Severity, Snippet, StrictEffect};
use common::{assert_contains, candor_in, run_snippet, scratch};
use serde_json::Value;

/// `(kind, severity, effect, detail)` of each finding with a strict check.
fn checked(report: &Value) -> Vec<(String, String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["strict"].is_null())
        .map(|f| {
            let s = |v: &Value| v.as_str().unwrap().to_string();
            (
                s(&f["kind"]),
                s(&f["severity"]),
                s(&f["strict"]["effect"]),
                s(&f["strict"]["detail"]),
            )
        })
        .collect()
}

const REVENUE_PY: &str = r#"rows = [{"revenue": "12.5"}, {"price": 3}, {"revenue": "x"}]
total = 0.0
for row in rows:
    try:
        value = float(row["revenue"])
    except KeyError:
        value = 0.0
    except ValueError:
        continue
    total += value
print(f"Total revenue {total:.2f}")
"#;

#[test]
fn each_swallowing_handler_is_re_raised_on_its_own_and_says_how_the_run_fails() {
    let dir = scratch();
    let run = run_snippet(dir.path(), "rev.py", REVENUE_PY, &["--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let r = run.json();
    // the first run's output and outcome are the report's
    assert_eq!(
        (r["outcome"].as_str(), r["stdout"].as_str()),
        (Some("completed"), Some("Total revenue 12.50\n"))
    );
    let fails_key = "without this handler the run fails: KeyError: 'revenue' at line 5";
    let fails_value = "without this handler the run fails: ValueError: could not convert string to float: 'x' at line 5";
    let got = checked(&r);
    let want = [
        ("swallowed_exception", "warning", "fails", fails_key),
        ("fabricated_value", "error", "fails", fails_key),
        ("swallowed_exception", "warning", "fails", fails_value),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str(), g.3.as_str()), w);
    }
    // the text output shows it under each excerpt
    let text = candor_in(dir.path(), &["run", "rev.py", "--strict"], &[]);
    assert_contains(&text.stdout, &format!("  = strict: {fails_key}\n"));
    assert_contains(&text.stdout, &format!("  = strict: {fails_value}\n"));
}

#[test]
fn a_re_raised_error_that_another_handler_turns_into_other_output_shows_the_change() {
    let dir = scratch();
    let python = "def parse(s):\n    try:\n        return int(s)\n    except ValueError:\n        return 0\n\ntry:\n    total = sum(parse(x) for x in [\"1\", \"x\", \"3\"])\nexcept ValueError:\n    total = -1\nprint(\"total\", total)\n";
    let javascript = "function parse(s) {\n  try {\n    return JSON.parse(s).n;\n  } catch {\n    return 0;\n  }\n}\nlet total;\ntry {\n  total = [\"{\\\"n\\\":1}\", \"{\", \"{\\\"n\\\":3}\"].map(parse).reduce((a, b) => a + b, 0);\n} catch (e) {\n  total = -1;\n}\nconsole.log(\"total\", total);\n";
    for (name, code) in [
        ("chg.py", python),
        ("chg.js", javascript),
        ("chg.ts", javascript),
    ] {
        let run = run_snippet(dir.path(), name, code, &["--strict"]);
        let r = run.json();
        assert_eq!(r["stdout"], "total 4\n", "{name}");
        let got = checked(&r);
        assert_eq!(got.len(), 2, "{name}: {got:?}");
        for (kind, _, effect, detail) in &got {
            assert_eq!(effect, "output_changes", "{name} {kind}");
            assert_eq!(
                detail, "without this handler the output changes: `total 4` → `total -1`",
                "{name} {kind}"
            );
        }
    }
}

#[test]
fn a_swallow_that_changes_nothing_is_inconsequential_and_drops_a_level() {
    let dir = scratch();
    let code = "def load():\n    try:\n        return int(\"x\")\n    except ValueError:\n        return 0\n\ntry:\n    load()\nexcept Exception:\n    pass\nprint(\"ok\")\n";
    let plain = run_snippet(dir.path(), "unch.py", code, &[]).json();
    let strict = run_snippet(dir.path(), "unch.py", code, &["--strict"]).json();
    let severities = |r: &Value| -> Vec<(String, String)> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["kind"].as_str().unwrap().into(),
                    f["severity"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let s = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        severities(&plain),
        [
            s("swallowed_exception", "warning"),
            s("fabricated_value", "error"),
            s("latent_swallow", "info")
        ]
    );
    assert_eq!(
        severities(&strict),
        [
            s("swallowed_exception", "info"),
            s("fabricated_value", "warning"),
            s("latent_swallow", "info")
        ]
    );
    for (_, _, effect, detail) in checked(&strict) {
        assert_eq!(effect, "unchanged");
        assert_eq!(
            detail,
            "without this handler the run completes with the same output: inconsequential here"
        );
    }
    // the latent handler did not fire: nothing to re-run for it
    assert!(strict["findings"][2]["strict"].is_null());
}

#[test]
fn without_a_swallow_there_is_no_strict_check_and_strict_needs_detection() {
    let dir = scratch();
    let run = run_snippet(dir.path(), "ok.py", "print(sum([1, 2]))\n", &["--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["findings"], serde_json::json!([]));
    std::fs::write(dir.path().join("ok.py"), "print(1)\n").unwrap();
    let both = candor_in(
        dir.path(),
        &["run", "ok.py", "--strict", "--no-detect"],
        &[],
    );
    assert_eq!(both.code, 2, "{}", both.stderr);
    assert_contains(&both.stderr, "--no-detect");
}

#[test]
fn check_strict_annotates_every_file_and_the_library_option_does_the_same() {
    let dir = scratch();
    std::fs::write(dir.path().join("rev.py"), REVENUE_PY).unwrap();
    let run = candor_in(
        dir.path(),
        &["check", "rev.py", "--strict", "--format", "json"],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stdout,
        "without this handler the run fails: KeyError: 'revenue' at line 5",
    );

    let sandbox = Sandbox::builder().build().unwrap();
    let snippet = Snippet::new(Language::Python, "rev.py", REVENUE_PY).with_strict(true);
    let report = sandbox.run_blocking(&snippet).unwrap();
    let first = &report.findings[0];
    assert_eq!(
        (first.kind, first.severity),
        (FindingKind::SwallowedException, Severity::Warning)
    );
    let check = first.strict.as_ref().expect("a strict check");
    assert_eq!(check.effect, StrictEffect::Fails);
    // off by default
    let plain = sandbox
        .run_blocking(&Snippet::new(Language::Python, "rev.py", REVENUE_PY))
        .unwrap();
    assert!(plain.findings.iter().all(|f| f.strict.is_none()));
}
