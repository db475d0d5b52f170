//! What users read stays truthful whatever a snippet does: text rendering
//! never panics on guest line numbers, columns or line endings; terminal
//! control characters never reach text output raw; GitHub, JUnit and SARIF
//! stay valid; every failed run says why; counts and sizes read as English.

mod common;
mod fuzz_render;

use candor::report::{CheckEntry, render_check_text, render_finding, render_text, source_lines};
use candor::{Finding, FindingKind, Outcome, Report, RuntimeInfo, Severity};
use common::{assert_contains, candor_in, run_snippet, scratch};

fn report(file: &str, language: &str, findings: Vec<Finding>) -> Report {
    Report {
        schema: candor::REPORT_SCHEMA.into(),
        file: file.into(),
        language: language.into(),
        runtime: RuntimeInfo {
            name: "cpython".into(),
            version: "3.14.0".into(),
        },
        outcome: Outcome::Completed,
        reason: None,
        exit_code: Some(0),
        stdout: String::new(),
        stderr: String::new(),
        truncated: false,
        fuel_consumed: 1,
        duration_ms: 1.0,
        instrumentation_tampered: false,
        tampering: vec![],
        findings,
        output_diff: None,
        probes: None,
    }
}

fn finding(line: u32, column: u32) -> Finding {
    Finding {
        kind: FindingKind::LatentSwallow,
        severity: Severity::Info,
        message: "m".into(),
        file: "x.py".into(),
        line,
        column,
        end_line: line,
        end_column: 0,
        exception: None,
        value: None,
        count: 0,
        strict: None,
        input: None,
    }
}

/// The excerpt lines (source and caret) `render_finding` writes.
fn excerpt(f: &Finding, source: &str, language: &str) -> String {
    let mut out = String::new();
    render_finding(&mut out, f, &source_lines(source, language));
    out.lines().skip(3).collect::<Vec<_>>().join("\n")
}

// -- #4: guest lines and columns ---------------------------------------------------

#[test]
fn a_lone_cr_file_shows_the_line_python_reported() {
    let dir = scratch();
    // split at `\n` only, line 4 would be `xééé = f()`, and column 5 inside an `é`
    let code = "def f():\r    try:\r        return 1 / 0\r    except ZeroDivisionError:\r        pass\n\n\nxééé = f()\rprint('ünïcödé')\n";
    for args in [&["run", "cr.py"][..], &["check", "cr.py"]] {
        std::fs::write(dir.path().join("cr.py"), code).unwrap();
        let run = candor_in(dir.path(), args, &[]);
        assert_eq!(run.code, 1, "{args:?}: {}{}", run.stdout, run.stderr);
        assert_contains(
            &run.stdout,
            "  --> cr.py:4:5\n  |\n4 |     except ZeroDivisionError:\n  |     ^^^^^^^^^^^^^^^^^^^^^^^^^ raised at line 3: return 1 / 0\n",
        );
    }
}

#[test]
fn javascript_lines_count_newlines_only() {
    let dir = scratch();
    let code =
        "let s = 'é';\r\ntry {\r\n  JSON.parse('{');\r\n} catch (e) {}\r\nconsole.log(s);\r\n";
    std::fs::write(dir.path().join("crlf.js"), code).unwrap();
    let run = candor_in(dir.path(), &["run", "crlf.js"], &[]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_contains(
        &run.stdout,
        "4 | } catch (e) {}\n  |   ^^^^^^^^^^^^ raised at line 3: JSON.parse('{');\n",
    );
    assert!(!run.stdout.contains("\\u{d}"), "{}", run.stdout);
}

#[test]
fn columns_inside_a_character_or_past_the_line_are_clamped() {
    // `é` is bytes 5 and 6 of line 1: column 7 falls inside it
    let source = "s = 'é' # ü\n\tx\n";
    assert_eq!(
        excerpt(&finding(1, 7), source, "python"),
        "1 | s = 'é' # ü\n  |      ^^ did not fire in this run"
    );
    assert_eq!(
        excerpt(&finding(1, 999), source, "python"),
        "1 | s = 'é' # ü\n  |            ^ did not fire in this run"
    );
    assert_eq!(
        excerpt(&finding(1, 0), source, "python"),
        "1 | s = 'é' # ü\n  | ^^^^^^^ did not fire in this run"
    );
    assert_eq!(
        excerpt(&finding(2, 2), source, "python"),
        "2 | \tx\n  | \t^ did not fire in this run"
    );
    // line 0 and lines past the end show no excerpt
    for line in [0, 3, u32::MAX] {
        assert_eq!(
            excerpt(&finding(line, 1), source, "python"),
            "",
            "line {line}"
        );
    }
}

#[test]
fn a_forged_handler_fact_inside_a_character_renders() {
    let facts = [
        r#"{"fact":"handler","id":0,"kind":"except","line":1,"column":7,"end_line":1,"catches":[],"reraises":"never","surfaces":false,"recovers":false,"drops":true,"retry":false}"#,
    ];
    let findings = candor::detect::findings_from_fact_lines(facts, "x.py");
    assert_eq!(findings.len(), 1);
    let text = render_text(&report("x.py", "python", findings), "s = 'é'\n");
    assert_contains(&text, "1 | s = 'é'\n  |      ^^ did not fire in this run\n");
}

// -- #15: escapes -------------------------------------------------------------------

const HOSTILE: &str = "import sys\nprint('\\x1b[8mhidden\\x1b]0;pwned\\x07\\x9b2J\\u202e')\nsys.stderr.write('\\x1b[2J\\r\\x00')\ntry:\n    raise ValueError('\\x1b[31m')\nexcept ValueError:\n    pass\nraise RuntimeError('\\x1b[8m' + 'x' * 200 + ' \\x1b]2;end')\n";

/// No terminal control character but `\n` and `\t` in `text`.
#[track_caller]
fn assert_no_raw_controls(text: &str) {
    if let Some((at, c)) = fuzz_render::raw_control(text) {
        panic!("{c:?} reaches the output raw at byte {at}:\n{text:?}");
    }
}

#[test]
fn text_output_escapes_what_the_snippet_controls() {
    let dir = scratch();
    let name = "e\x1b[8m.py";
    std::fs::write(dir.path().join(name), HOSTILE).unwrap();
    let run = candor_in(dir.path(), &["run", name], &[]);
    assert_eq!(run.code, 3, "{}{}", run.stdout, run.stderr);
    assert_no_raw_controls(&run.stdout);
    assert_contains(
        &run.stdout,
        "── stdout ──\n\\u{1b}[8mhidden\\u{1b}]0;pwned\\u{7}\\u{9b}2J\\u{202e}\n",
    );
    assert_contains(&run.stdout, "── stderr ──\n\\u{1b}[2J\\u{d}\\u{0}");
    assert_contains(&run.stdout, "  --> e\\u{1b}[8m.py:6:1\n");
    assert_contains(
        &run.stdout,
        "e\\u{1b}[8m.py: failed (exit 1): RuntimeError: \\u{1b}[8mxxx",
    );
    assert_contains(&run.stdout, " \\u{1b}]2;end in ");

    let run = candor_in(dir.path(), &["check", "."], &[]);
    assert_eq!(run.code, 3, "{}{}", run.stdout, run.stderr);
    assert_no_raw_controls(&run.stdout);
    assert_contains(
        &run.stdout,
        "e\\u{1b}[8m.py: failed (exit 1): RuntimeError: \\u{1b}[8mxxx",
    );
}

#[test]
fn github_junit_and_sarif_stay_valid_with_any_bytes() {
    let dir = scratch();
    std::fs::write(dir.path().join("a,b:c.py"), HOSTILE).unwrap();
    std::fs::write(
        dir.path().join("p%.py"),
        "raise ValueError('50%\\r\\n::error::forged, x: y')\n",
    )
    .unwrap();

    let run = candor_in(dir.path(), &["check", ".", "--format", "github"], &[]);
    assert_no_raw_controls(&run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "::warning file=a%2Cb%3Ac.py,line=6,col=1,endLine=7,title=candor swallowed_exception::ValueError('\\x1b[31m') was caught and dropped".to_string(),
            format!("::error file=a%2Cb%3Ac.py,line=8,title=candor failed::failed: RuntimeError: \\u{{1b}}[8m{}…{} \\u{{1b}}]2;end", "x".repeat(62), "x".repeat(32)),
            "::error file=p%25.py,line=1,title=candor failed::failed: ValueError: 50%25".to_string(),
        ],
        "{}",
        run.stdout
    );

    let run = candor_in(dir.path(), &["check", ".", "--format", "junit"], &[]);
    let xml = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let failure = xml
        .descendants()
        .find(|n| n.has_tag_name("failure") && n.attribute("type") == Some("failed"))
        .unwrap();
    assert_contains(failure.text().unwrap(), "\\u{1b}[2J\\u{d}\\u{0}");

    let run = candor_in(dir.path(), &["check", ".", "--format", "sarif"], &[]);
    let log: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let notes = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes.as_array().unwrap().len(), 2);
}

// -- #19: what users read -------------------------------------------------------------

#[test]
fn every_run_that_did_not_complete_says_why() {
    let dir = scratch();
    let reason = |name: &str, code: &str, extra: &[&str]| {
        let r = run_snippet(dir.path(), name, code, extra).json();
        (
            r["outcome"].as_str().unwrap().to_string(),
            r["reason"].clone(),
        )
    };
    assert_eq!(
        reason("z.py", "x = 1\nprint(x / 0)\n", &[]),
        (
            "failed".into(),
            "ZeroDivisionError: division by zero".into()
        )
    );
    assert_eq!(
        reason(
            "s.py",
            "import sys\nprint('Error: no', file=sys.stderr)\nsys.exit(3)\n",
            &[]
        ),
        ("failed".into(), "exited with status 3".into())
    );
    assert_eq!(
        reason("syn.py", "x = (\n", &[]),
        ("failed".into(), "SyntaxError: '(' was never closed".into())
    );
    assert_eq!(
        reason("t.js", "function f() { return null.x; }\nf();\n", &[]),
        (
            "failed".into(),
            "TypeError: cannot read property 'x' of null".into()
        )
    );
    assert_eq!(
        reason("ok.py", "print(1)\n", &[]),
        ("completed".into(), serde_json::Value::Null)
    );
}

#[test]
fn limit_reasons_give_sizes_for_people() {
    let dir = scratch();
    let code = "chunks = []\nwhile True:\n    chunks.append(bytearray(1 << 20))\n";
    let r = run_snippet(dir.path(), "bomb.py", code, &["--memory", "64MiB"]).json();
    assert_eq!(r["outcome"], "memory_exceeded");
    assert_eq!(r["reason"], "memory limit of 64 MiB reached");
}

#[test]
fn github_annotations_for_failed_files_have_a_line() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("raise.py"),
        "def f():\n    raise KeyError('k')\n\nf()\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("throw.js"),
        "\nthrow new RangeError('r');\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("spin.py"), "while True:\n    pass\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["check", ".", "--format", "github", "--fuel", "1e8"],
        &[],
    );
    assert_eq!(
        run.stdout,
        "::error file=raise.py,line=2,title=candor failed::failed: KeyError: 'k'\n\
         ::error file=spin.py,line=1,title=candor fuel_exhausted::fuel_exhausted: fuel budget of 100000000 exhausted\n\
         ::error file=throw.js,line=2,title=candor failed::failed: RangeError: r\n"
    );
}

#[test]
fn counts_read_as_english() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("one.py"),
        "try:\n    int('x')\nexcept ValueError:\n    pass\n",
    )
    .unwrap();
    let run = candor_in(dir.path(), &["check", "one.py"], &[]);
    assert_contains(&run.stdout, " 1 finding\n");
    assert!(
        run.stdout.ends_with(
            "checked 1 file: 1 completed, 0 failed, 0 hit a limit, 0 unreadable; 0 errors, 1 warning, 0 infos\n"
        ),
        "{}",
        run.stdout
    );
    let entries = vec![
        CheckEntry::Unreadable {
            file: "a".into(),
            error: "e".into(),
            internal: false,
        },
        CheckEntry::Unreadable {
            file: "b".into(),
            error: "e".into(),
            internal: false,
        },
    ];
    assert!(render_check_text(&entries).ends_with("checked 2 files: 0 completed, 0 failed, 0 hit a limit, 2 unreadable; 0 errors, 0 warnings, 0 infos\n"));
}

#[test]
fn long_exception_messages_keep_their_head_and_tail() {
    let dir = scratch();
    let code = "raise ValueError('é' * 300 + ' the useful end')\n";
    let r = run_snippet(dir.path(), "long.py", code, &[]).json();
    let reason = r["reason"].as_str().unwrap();
    let expected = format!(
        "ValueError: {}…{} the useful end",
        "é".repeat(68),
        "é".repeat(25)
    );
    assert_eq!(reason, expected);

    // host side: whatever a guest sends, a finding keeps the head and the tail
    let repr = format!("KeyError('{}{}')", "k".repeat(1000), " the end");
    let message = format!("{}{}", "m".repeat(1000), " the end");
    let facts = [
        r#"{"fact":"handler","id":0,"kind":"except","line":1,"column":1,"end_line":2,"catches":[],"reraises":"never","surfaces":false,"recovers":false,"drops":true,"retry":false}"#.to_string(),
        serde_json::json!({"fact":"caught","handler":0,"type":"KeyError","message":message,"repr":repr,"line":1}).to_string(),
    ];
    let found = candor::detect::findings_from_fact_lines(facts.iter().map(String::as_str), "x.py");
    assert_eq!(
        found[0].message,
        format!(
            "KeyError('{}…{} the end') was caught and dropped",
            "k".repeat(70),
            "k".repeat(30)
        )
    );
    let kept = &found[0].exception.as_ref().unwrap().message;
    assert_eq!(
        kept,
        &format!("{}…{} the end", "m".repeat(240), "m".repeat(112))
    );
}

// -- the fuzzer, a fixed stretch of it --------------------------------------------

#[test]
fn two_thousand_fuzzed_reports_render_safely() {
    assert_eq!(fuzz_render::rounds(0..2_000), 2_000);
}

// -- #14: the caret underlines the code, not a trailing comment ------------------------

#[test]
fn the_caret_underlines_the_value_and_the_handler_but_not_a_trailing_comment() {
    let dir = scratch();
    let cases = [
        (
            "cm.py",
            "def f(d):\n    try:\n        return d[\"a\"]\n    except KeyError:  # fall back to nothing\n        return {}  # empty\n\nprint(f({}))\n",
            [
                "4 |     except KeyError:  # fall back to nothing\n  |     ^^^^^^^^^^^^^^^^ raised at line 3",
                "5 |         return {}  # empty\n  |                ^^ this dict stood in",
            ],
        ),
        (
            "cm.js",
            "function f(d) {\n  try {\n    return JSON.parse(d);\n  } catch (e) { // ignore\n    return {}; // empty\n  }\n}\nconsole.log(f(\"{\"));\n",
            [
                "4 |   } catch (e) { // ignore\n  |     ^^^^^^^^^^^ raised at line 3",
                "5 |     return {}; // empty\n  |            ^^ this Object stood in",
            ],
        ),
        (
            // a `#` in a string is not a comment; a one-line handler ends where it ends
            "one.py",
            "try:\n    x = {}[\"a\"]\nexcept KeyError: x = \"#\"  # c\nprint(x)\n",
            [
                "3 | except KeyError: x = \"#\"  # c\n  | ^^^^^^^^^^^^^^^^^^^^^^^^ raised at line 2",
                "3 | except KeyError: x = \"#\"  # c\n  |                      ^^^ this str stood in",
            ],
        ),
    ];
    for (name, code, excerpts) in cases {
        let run = run_snippet(dir.path(), name, code, &[]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let text = candor_in(dir.path(), &["run", name], &[]);
        for excerpt in excerpts {
            assert_contains(&text.stdout, excerpt);
        }
        // SARIF gives the region's end column too
        let sarif = candor_in(dir.path(), &["check", name, "--format", "sarif"], &[]);
        let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
        let regions: Vec<_> = log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["locations"][0]["physicalLocation"]["region"].clone())
            .collect();
        assert!(
            regions.iter().all(|r| r["endColumn"].as_u64().is_some()),
            "{name}: {regions:?}"
        );
    }
}
