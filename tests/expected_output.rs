//! `--expect FILE` (and `expected_stdout` in `check --jsonl`): a run that
//! completes and prints something else than the expected output gets a
//! `wrong_output` finding, with a diff. Every test runs the real binary.

mod common;

use common::{assert_contains, candor_in, finding_kinds, run_snippet, scratch};

const TOTAL: &str = "rows = [{'price': 2.5, 'qty': 4}, {'price': 1.0}]\n\
                     total = sum(r['price'] * r.get('qty', 0) for r in rows)\n\
                     print(f'total {total:.2f}')\n\
                     print('done')\n";

#[test]
fn a_run_that_prints_the_expected_output_has_no_finding() {
    let dir = scratch();
    // the last newline missing from the file is no difference
    std::fs::write(dir.path().join("want.txt"), "total 10.00\ndone").unwrap();
    let run = run_snippet(dir.path(), "total.py", TOTAL, &["--expect", "want.txt"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let report = run.json();
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    assert!(report.get("output_diff").is_none(), "{report:#}");
}

#[test]
fn a_wrong_value_printed_is_an_error_with_the_line_and_a_diff() {
    let dir = scratch();
    std::fs::write(dir.path().join("want.txt"), "total 11.00\ndone\n").unwrap();
    let run = run_snippet(dir.path(), "total.py", TOTAL, &["--expect", "want.txt"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report = run.json();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report:#}");
    let finding = &findings[0];
    assert_eq!(finding["kind"], "wrong_output");
    assert_eq!(finding["severity"], "error");
    assert_eq!(
        finding["message"],
        "the output differs from the expected output at line 1: `total 10.00` was printed \
         where `total 11.00` was expected"
    );
    assert_eq!(
        report["output_diff"],
        "--- expected\n+++ stdout\n@@ -1,2 +1,2 @@\n-total 11.00\n+total 10.00\n done\n"
    );
    // the text report shows the diff
    let text = candor_in(
        dir.path(),
        &["run", "total.py", "--expect", "want.txt"],
        &[],
    );
    assert_eq!(text.code, 1);
    assert_contains(&text.stdout, "error[wrong_output]: the output differs");
    assert_contains(&text.stdout, "── expected output → stdout ──\n");
    assert_contains(&text.stdout, "-total 11.00\n+total 10.00\n");
}

#[test]
fn javascript_output_is_compared_the_same_way() {
    let dir = scratch();
    std::fs::write(dir.path().join("want.txt"), "3\n4\n").unwrap();
    let run = run_snippet(
        dir.path(),
        "sum.js",
        "console.log(1 + 2);\nconsole.log(2 + 2 + 1);\n",
        &["--expect", "want.txt"],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report = run.json();
    assert_eq!(report["findings"][0]["kind"], "wrong_output");
    assert_contains(
        report["findings"][0]["message"].as_str().unwrap(),
        "at line 2: `5` was printed where `4` was expected",
    );
}

#[test]
fn a_run_that_fails_loudly_is_not_also_a_wrong_output() {
    let dir = scratch();
    std::fs::write(dir.path().join("want.txt"), "1\n").unwrap();
    let run = run_snippet(
        dir.path(),
        "boom.py",
        "print(0)\nraise SystemExit(4)\n",
        &["--expect", "want.txt"],
    );
    assert_eq!(run.code, 3, "{}", run.stdout);
    let report = run.json();
    assert_eq!(report["outcome"], "failed");
    assert_eq!(
        report["findings"].as_array().unwrap().len(),
        0,
        "{report:#}"
    );
}

#[test]
fn an_expected_output_that_cannot_be_read_is_a_usage_error() {
    let dir = scratch();
    std::fs::write(dir.path().join("x.py"), "print(1)\n").unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"ok\n\xff\n").unwrap();
    let bad = candor_in(dir.path(), &["run", "x.py", "--expect", "bad.txt"], &[]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert_contains(&bad.stderr, "reading bad.txt: invalid UTF-8 at byte 3");
    let missing = candor_in(dir.path(), &["run", "x.py", "--expect", "nope.txt"], &[]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert_contains(&missing.stderr, "reading nope.txt: no such file");
}

#[test]
fn check_jsonl_compares_expected_stdout_per_line() {
    let dir = scratch();
    let input = concat!(
        r#"{"id": "right", "language": "python", "code": "print(6 * 7)", "expected_stdout": "42\n"}"#,
        "\n",
        r#"{"id": "wrong", "language": "python", "code": "print(6 * 9)", "expected_stdout": "42\n"}"#,
        "\n",
        r#"{"id": "free", "language": "python", "code": "print(1)"}"#,
        "\n",
    );
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let run = candor_in(dir.path(), &["check", "--jsonl", "in.jsonl"], &[]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let kinds = |i: usize| finding_kinds(&lines[i]);
    assert_eq!(lines[0]["id"], "right");
    assert!(kinds(0).is_empty(), "{}", lines[0]);
    assert_eq!(lines[1]["id"], "wrong");
    assert_eq!(kinds(1), ["wrong_output"]);
    assert_eq!(lines[2]["id"], "free");
    assert!(kinds(2).is_empty());
}

/// A snippet that drops the lines it cannot read, and a reference that does not.
const LENIENT: &str = "import sys\ntotal = 0\nfor line in sys.stdin.read().split():\n    p, q = line.split(',')\n    try:\n        total += float(p) * int(q)\n    except ValueError:\n        pass\nprint(total)\n";
const STRICT: &str = "import sys\nrows = [l.split(',') for l in sys.stdin.read().split()]\nprint(sum(float(p) * int(q) for p, q in rows))\n";

#[test]
fn a_reference_program_gives_the_expected_output() {
    let dir = scratch();
    std::fs::write(dir.path().join("lenient.py"), LENIENT).unwrap();
    std::fs::write(dir.path().join("strict.py"), STRICT).unwrap();
    std::fs::write(dir.path().join("good.txt"), "2.5,4\n1.0,2\n").unwrap();
    std::fs::write(dir.path().join("bad.txt"), "2.5,4\n1.0,x\n").unwrap();
    let run = |input: &str, reference: &str| {
        candor_in(
            dir.path(),
            &[
                "run",
                "lenient.py",
                "--stdin",
                input,
                "--reference",
                reference,
                "--format",
                "json",
            ],
            &[],
        )
    };
    // the same input, the same output: quiet
    let same = run("good.txt", "strict.py");
    assert_eq!(same.code, 0, "{}{}", same.stdout, same.stderr);
    // (only the handler that did not fire, as a latent info)
    assert_eq!(finding_kinds(&same.json()), ["latent_swallow"]);
    // the reference fails where the snippet completes: the snippet hid it
    let hidden = run("bad.txt", "strict.py");
    assert_eq!(hidden.code, 1, "{}{}", hidden.stdout, hidden.stderr);
    let report = hidden.json();
    let wrong: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "wrong_output")
        .collect();
    assert_eq!(wrong.len(), 1, "{report:#}");
    assert_eq!(
        wrong[0]["message"],
        "the reference strict.py failed on the same input (ValueError: invalid literal for \
         int() with base 10: 'x'), and this run completed instead"
    );
    // a reference that prints another result
    std::fs::write(
        dir.path().join("other.py"),
        "import sys\nprint(sum(float(l.split(',')[0]) for l in sys.stdin))\n",
    )
    .unwrap();
    let other = run("good.txt", "other.py");
    assert_eq!(other.code, 1);
    assert_contains(
        other.json()["findings"][0]["message"].as_str().unwrap(),
        "the output differs from the output of the reference other.py at line 1: `12.0` was \
         printed where `3.5` was expected",
    );
}

#[test]
fn a_reference_stopped_by_a_limit_leaves_nothing_to_compare() {
    let dir = scratch();
    std::fs::write(dir.path().join("x.py"), "print(1)\n").unwrap();
    std::fs::write(dir.path().join("spin.py"), "while True:\n    pass\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["run", "x.py", "--reference", "spin.py", "--fuel", "1e8"],
        &[],
    );
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert_contains(&run.stderr, "the reference spin.py did not finish");
}
