//! `candor check` through the real binary: discovery, ordering, formats, exit
//! codes, JSON lines.

mod common;

use common::{assert_contains, candor_in};
use std::collections::BTreeSet;
use std::path::Path;

const SWALLOW: &str = "def load(text):\n    try:\n        return int(text)\n    except ValueError:\n        return 0\n\nprint(load('x'))\n";
const WARN_ONLY: &str = "for item in ['1', 'x']:\n    try:\n        print(int(item))\n    except ValueError:\n        continue\n";

fn write(dir: &Path, name: &str, text: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A tree with a clean file, a warning, an error, a limit hit, a loud failure,
/// an unreadable file, a non-Python file and a git-ignored file.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "clean.py", b"print('fine')\n");
    write(d, "pkg/warn.py", WARN_ONLY.as_bytes());
    write(d, "pkg/error.py", SWALLOW.as_bytes());
    write(d, "pkg/deep/loop.py", b"while True:\n    pass\n");
    write(d, "fail.py", b"raise RuntimeError('boom')\n");
    write(d, "notes.txt", b"not code\n");
    write(d, "build/generated.py", b"print('ignored')\n");
    write(d, ".gitignore", b"build/\n");
    dir
}

#[test]
fn walks_directories_honouring_gitignore_and_orders_by_path() {
    let dir = project();
    let run = candor_in(
        dir.path(),
        &["check", ".", "--format", "json", "--fuel", "1e9"],
        &[],
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["schema"], "candor.check/v1");
    let files: Vec<&str> = doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "clean.py",
            "fail.py",
            "pkg/deep/loop.py",
            "pkg/error.py",
            "pkg/warn.py"
        ]
    );
    let totals = &doc["totals"];
    assert_eq!(totals["files"], 5);
    assert_eq!(
        (
            totals["completed"].as_u64(),
            totals["failed"].as_u64(),
            totals["limit_hit"].as_u64()
        ),
        (Some(3), Some(1), Some(1))
    );
    assert_eq!(
        (totals["errors"].as_u64(), totals["warnings"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(run.code, 4, "a limit hit is the highest applicable code");
}

#[test]
fn include_and_exclude_filter_files() {
    let dir = project();
    let run = candor_in(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "json",
            "--include",
            "pkg/**",
            "--exclude",
            "**/loop.py",
        ],
        &[],
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files: Vec<&str> = doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["pkg/error.py", "pkg/warn.py"]);
    assert_eq!(run.code, 1);
}

#[test]
fn output_order_is_the_same_whatever_the_jobs() {
    let dir = project();
    let strip = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.split(" in ").next().unwrap().to_string())
            .collect()
    };
    let one = candor_in(
        dir.path(),
        &["check", ".", "--jobs", "1", "--fuel", "1e9"],
        &[],
    );
    let eight = candor_in(
        dir.path(),
        &["check", ".", "--jobs", "8", "--fuel", "1e9"],
        &[],
    );
    assert_eq!(strip(&one.stdout), strip(&eight.stdout));
    assert_eq!(one.code, eight.code);
}

#[test]
fn exit_codes_follow_the_worst_file() {
    let dir = project();
    let d = dir.path();
    let code = |args: &[&str]| candor_in(d, args, &[]).code;
    assert_eq!(code(&["check", "clean.py"]), 0);
    assert_eq!(code(&["check", "clean.py", "pkg/warn.py"]), 1);
    assert_eq!(code(&["check", "pkg/warn.py", "--fail-on", "error"]), 0);
    assert_eq!(code(&["check", "pkg/error.py", "--fail-on", "error"]), 1);
    assert_eq!(code(&["check", "pkg/error.py", "--fail-on", "never"]), 0);
    assert_eq!(code(&["check", "clean.py", "fail.py", "pkg/error.py"]), 3);
    assert_eq!(
        code(&["check", "fail.py", "pkg/deep/loop.py", "--fuel", "1e9"]),
        4
    );
    write(d, "latin1.py", b"print('caf\xe9')\n");
    assert_eq!(code(&["check", "clean.py", "latin1.py"]), 2);
    assert_eq!(code(&["check", "clean.py", "missing.py"]), 2);
    let run = candor_in(d, &["check", "clean.py", "latin1.py"], &[]);
    assert_contains(
        &run.stdout,
        "latin1.py: reading latin1.py: invalid UTF-8 at byte 10",
    );
}

#[test]
fn github_annotations() {
    let dir = project();
    let run = candor_in(
        dir.path(),
        &["check", "pkg/error.py", "fail.py", "--format", "github"],
        &[],
    );
    for annotation in [
        "::warning file=pkg/error.py,line=4,col=5,",
        "::error file=pkg/error.py,line=5,col=16,",
        "::error file=fail.py,line=1,title=candor failed::failed: RuntimeError: boom",
    ] {
        assert_contains(&run.stdout, annotation);
    }
}

#[test]
fn junit_parses_back() {
    let dir = project();
    let run = candor_in(
        dir.path(),
        &["check", ".", "--format", "junit", "--fuel", "1e9"],
        &[],
    );
    let xml = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let suite = xml
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("tests"), Some("5"));
    assert_eq!(suite.attribute("failures"), Some("4"));
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let names: Vec<&str> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    assert_eq!(
        names,
        [
            "clean.py",
            "fail.py",
            "pkg/deep/loop.py",
            "pkg/error.py",
            "pkg/warn.py"
        ]
    );
    let failures = |i: usize| {
        cases[i]
            .children()
            .filter(|n| n.has_tag_name("failure"))
            .count()
    };
    assert_eq!(
        (
            failures(0),
            failures(1),
            failures(2),
            failures(3),
            failures(4)
        ),
        (0, 1, 1, 2, 1)
    );
    let loop_failure = cases[2]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(loop_failure.attribute("type"), Some("fuel_exhausted"));
}

#[test]
fn sarif_is_valid() {
    let dir = project();
    let run = candor_in(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "sarif",
            "--output",
            "out.sarif",
            "--fuel",
            "1e9",
        ],
        &[],
    );
    assert_eq!(run.code, 4);
    assert!(run.stdout.is_empty());
    let text = std::fs::read_to_string(dir.path().join("out.sarif")).unwrap();
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "fabricated_value",
            "swallowed_exception",
            "latent_swallow",
            "compiler_warning",
            "data_coerced",
            "wrong_output",
            "nondeterministic_output"
        ]
    );
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for r in results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("pkg/"), "{uri}");
        let rule = &run0["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
    }
    validate_with_multitool(&dir.path().join("out.sarif"));
}

/// Runs the official validator (npm `@microsoft/sarif-multitool`) when
/// `CANDOR_SARIF_MULTITOOL` names it; `.ci/run` installs it and sets it, so in
/// CI this check always runs.
fn validate_with_multitool(file: &Path) {
    let Some(tool) = std::env::var_os("CANDOR_SARIF_MULTITOOL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set CANDOR_SARIF_MULTITOOL"
        );
        eprintln!("CANDOR_SARIF_MULTITOOL not set: skipping the official SARIF validator");
        return;
    };
    let out = file.with_extension("validation.sarif");
    let status = std::process::Command::new(tool)
        .arg("validate")
        .arg(file)
        .arg("--output")
        .arg(&out)
        .status()
        .expect("the SARIF validator runs");
    assert!(status.success(), "sarif-multitool validate failed");
    let validation: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let problems: Vec<&serde_json::Value> = validation["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"] == "error" || r["level"] == "warning")
        .collect();
    assert!(
        problems.is_empty(),
        "the validator found problems: {problems:#?}"
    );
}

#[test]
fn jsonl_round_trip_with_a_malformed_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = [
        r#"{"id": "a", "language": "python", "code": "print('A')"}"#,
        r#"{"id": 2, "language": "python", "code": "import sys\nprint(sys.stdin.read(), sys.argv[1:])", "stdin": "in", "args": ["x"]}"#,
        r#"{"id": "broken", "language": "python", "code": "#,
        "",
        r#"{"id": "swallow", "language": "python", "code": "try:\n    int('x')\nexcept ValueError:\n    pass\n"}"#,
        r#"{"id": "cobol", "language": "cobol", "code": "DISPLAY 'HI'."}"#,
    ]
    .join("\n");
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let run = candor_in(dir.path(), &["check", "--jsonl", "in.jsonl"], &[]);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{}", run.stdout);
    assert_eq!(
        (lines[0]["id"].as_str(), lines[0]["stdout"].as_str()),
        (Some("a"), Some("A\n"))
    );
    assert_eq!(lines[0]["schema"], "candor.report/v1");
    assert_eq!(
        (lines[1]["id"].as_u64(), lines[1]["stdout"].as_str()),
        (Some(2), Some("in ['x']\n"))
    );
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].as_str().unwrap().starts_with("line 3:"));
    assert_eq!(lines[3]["id"], "swallow");
    assert_eq!(lines[3]["findings"][0]["kind"], "swallowed_exception");
    assert_eq!(
        (lines[4]["id"].as_str(), lines[4]["line"].as_u64()),
        (Some("cobol"), Some(6))
    );
    assert_eq!(run.code, 2);
}

#[test]
fn five_hundred_jsonl_snippets_lose_none_and_cross_none() {
    let dir = tempfile::tempdir().unwrap();
    let input: String = (0..500)
        .map(|i| {
            serde_json::json!({"id": i, "language": "python", "code": format!("print({i} * 3)"), "stdin": format!("s{i}")})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(dir.path().join("many.jsonl"), input).unwrap();
    let run = candor_in(
        dir.path(),
        &["check", "--jsonl", "many.jsonl", "--jobs", "4"],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 500);
    let mut seen = BTreeSet::new();
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(
            line["id"].as_u64(),
            Some(i as u64),
            "output is in input order"
        );
        assert_eq!(line["stdout"].as_str().unwrap(), format!("{}\n", i * 3));
        seen.insert(i);
    }
    assert_eq!(seen.len(), 500);
}

#[test]
fn jsonl_answers_stream_while_input_is_still_open() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["check", "--jsonl", "-", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines, answers) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // the first answer must arrive while stdin is still open
    writeln!(
        stdin,
        r#"{{"id": "first", "language": "python", "code": "print(1)"}}"#
    )
    .unwrap();
    stdin.flush().unwrap();
    let first = answers
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the first report arrives before the input ends");
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(
        (first["id"].as_str(), first["stdout"].as_str()),
        (Some("first"), Some("1\n"))
    );
    writeln!(
        stdin,
        r#"{{"id": "second", "language": "javascript", "code": "console.log(2)"}}"#
    )
    .unwrap();
    drop(stdin);
    let second: serde_json::Value = serde_json::from_str(
        &answers
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (second["id"].as_str(), second["stdout"].as_str()),
        (Some("second"), Some("2\n"))
    );
    assert_eq!(child.wait().unwrap().code(), Some(0));
}
