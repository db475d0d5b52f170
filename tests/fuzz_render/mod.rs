//! Random reports, findings and guest fact streams for the renderers, and
//! the properties every rendering must keep. Shared by `benches/fuzz_render.rs`
//! (time-bounded) and `tests/hardening_report.rs` (a fixed number of seeds).

#![allow(dead_code)]

use candor::report::CheckEntry;
use candor::{
    ExceptionInfo, Finding, FindingKind, Outcome, Report, RuntimeInfo, Severity, ValueInfo,
};
use fastrand::Rng;
use std::path::Path;

/// Pieces that make guest text interesting to a renderer.
const TOKENS: &[&str] = &[
    "Traceback (most recent call last):",
    "  File \"x.py\", line ",
    "Uncaught ",
    "    at f (x.js:",
    "x.ts:3:5: SyntaxError: ",
    "ZeroDivisionError: division by zero",
    "  + Exception Group Traceback (most recent call last):",
    "  | ",
    "\x1b[8m",
    "\x1b]0;title\x07",
    "\u{9b}31m",
    "::error file=a,line=1::",
    "%0A",
    "<![CDATA[",
    "]]>",
    "&#0;",
    "\r\n",
    "\u{202e}",
    "\u{2067}",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    "\u{fffe}",
    "\u{ffff}",
];

/// Characters drawn one at a time: ASCII, controls, multi-byte.
fn any_char(rng: &mut Rng) -> char {
    match rng.u8(0..10) {
        0..=3 => rng.char(' '..='~'),
        4 => rng.char('\0'..='\u{1f}'),
        5 => rng
            .choice(['\n', '\r', '\t', '\u{7f}', '\u{9b}', '\u{85}'])
            .unwrap(),
        6 => rng.char('\u{80}'..='\u{7ff}'),
        7 => rng.char('\u{800}'..='\u{ffff}'),
        8 => rng.char('\u{10000}'..='\u{10ffff}'),
        _ => rng
            .choice([
                'é', '中', '😀', '\u{202a}', '\u{2069}', ':', ',', '%', '"', '\'',
            ])
            .unwrap(),
    }
}

/// A random string: mostly short, sometimes long, with tokens mixed in.
pub fn text(rng: &mut Rng) -> String {
    let len = match rng.u8(0..20) {
        0 => 0,
        1 => rng.usize(200..2_000),
        _ => rng.usize(1..40),
    };
    let mut s = String::new();
    while s.chars().count() < len {
        if rng.u8(0..6) == 0 {
            s.push_str(rng.choice(TOKENS).unwrap());
        } else if rng.u8(0..4) == 0 {
            s.push_str(&rng.u32(..).to_string());
        } else {
            s.push(any_char(rng));
        }
    }
    s
}

/// A line or column: 0, 1, small, huge, anything.
pub fn number(rng: &mut Rng) -> u32 {
    match rng.u8(0..8) {
        0 => 0,
        1 => 1,
        2 => u32::MAX,
        3 => rng.u32(..),
        _ => rng.u32(1..30),
    }
}

/// A snippet's source: lines of random text joined by `\n`, `\r\n` or `\r`.
pub fn source(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.usize(0..25) {
        s.push_str(&text(rng));
        s.push_str(rng.choice(["\n", "\r\n", "\r", "\n\r"]).unwrap());
    }
    s
}

fn optional<T>(rng: &mut Rng, make: impl FnOnce(&mut Rng) -> T) -> Option<T> {
    rng.bool().then(|| make(rng))
}

/// A finding with every field random.
pub fn finding(rng: &mut Rng, file: &str) -> Finding {
    Finding {
        kind: *rng.choice(FindingKind::ALL.iter()).unwrap(),
        severity: *rng
            .choice([Severity::Info, Severity::Warning, Severity::Error].iter())
            .unwrap(),
        message: text(rng),
        file: if rng.bool() {
            file.to_string()
        } else {
            text(rng)
        },
        line: number(rng),
        column: number(rng),
        end_line: number(rng),
        end_column: number(rng),
        exception: optional(rng, |rng| ExceptionInfo {
            type_name: text(rng),
            message: text(rng),
            line: optional(rng, number),
        }),
        value: optional(rng, |rng| ValueInfo {
            type_name: text(rng),
            repr: text(rng),
        }),
        count: rng.u64(..),
        strict: None,
        input: None,
    }
}

/// One fact line as a guest could stream it: well-formed with random
/// values, or cut short, or not JSON at all.
pub fn fact_line(rng: &mut Rng) -> String {
    use serde_json::json;
    let id = rng.u32(0..4);
    let fact = match rng.u8(0..10) {
        0 => json!({"fact": "runtime", "name": text(rng), "version": text(rng)}),
        1 | 2 => json!({
            "fact": "handler", "id": id,
            "kind": rng.choice(["except", "suppress", "with", "finally"]).unwrap(),
            "line": number(rng), "column": number(rng), "end_line": number(rng), "end_column": number(rng),
            "catches": (0..rng.usize(0..3)).map(|_| text(rng)).collect::<Vec<_>>(),
            "reraises": rng.choice(["always", "sometimes", "never"]).unwrap(),
            "surfaces": rng.bool(), "recovers": rng.bool(), "drops": rng.bool(),
            "retry": rng.bool(), "failure_value": rng.bool(),
        }),
        3 => json!({
            "fact": "site", "id": id, "handler": optional(rng, |r| r.u32(0..4)),
            "line": number(rng), "column": number(rng), "end_line": number(rng), "end_column": number(rng),
            "text": text(rng),
        }),
        4 | 5 => json!({
            "fact": "caught", "handler": id, "type": optional(rng, text),
            "message": optional(rng, text), "repr": optional(rng, text),
            "line": optional(rng, number), "count": optional(rng, |r| r.u64(..)),
        }),
        6 => json!({
            "fact": "value", "site": id, "handler": optional(rng, |r| r.u32(0..4)),
            "type": optional(rng, text), "repr": optional(rng, text),
            "count": optional(rng, |r| r.u64(..)),
        }),
        7 => {
            json!({"fact": rng.choice(["propagated", "recovered"]).unwrap(), "handler": id, "count": rng.u64(..)})
        }
        8 => json!({"fact": "tampered", "detail": text(rng)}),
        _ => return text(rng),
    };
    let line = fact.to_string();
    if rng.u8(0..10) == 0 {
        // cut at a character boundary
        let cut = rng.usize(0..=line.chars().count());
        return line.chars().take(cut).collect();
    }
    line
}

/// A report with random fields, whose findings come partly from random
/// facts through the real fact parser and rules, partly made up directly.
pub fn report(rng: &mut Rng) -> Report {
    let file = if rng.u8(0..3) == 0 {
        text(rng)
    } else {
        "x.py".to_string()
    };
    let facts: Vec<String> = (0..rng.usize(0..30)).map(|_| fact_line(rng)).collect();
    let mut findings =
        candor::detect::findings_from_fact_lines(facts.iter().map(String::as_str), &file);
    for _ in 0..rng.usize(0..4) {
        findings.push(finding(rng, &file));
    }
    let outcome = *rng
        .choice(
            [
                Outcome::Completed,
                Outcome::Failed,
                Outcome::FuelExhausted,
                Outcome::TimedOut,
                Outcome::MemoryExceeded,
            ]
            .iter(),
        )
        .unwrap();
    let mut report = Report {
        schema: candor::REPORT_SCHEMA.to_string(),
        language: rng
            .choice(["python", "javascript", "typescript", "cobol"])
            .unwrap()
            .to_string(),
        file,
        runtime: RuntimeInfo {
            name: text(rng),
            version: text(rng),
        },
        outcome,
        reason: optional(rng, text),
        exit_code: optional(rng, |r| r.choice([0, 1, 1, 3, -1, i32::MIN]).unwrap()),
        stdout: text(rng),
        stderr: if rng.bool() {
            text(rng)
        } else {
            (0..rng.usize(1..6)).map(|_| text(rng) + "\n").collect()
        },
        truncated: rng.bool(),
        fuel_consumed: rng.u64(..),
        duration_ms: rng.choice([0.0, 1.5, -0.0, 1e300]).unwrap(),
        instrumentation_tampered: rng.bool(),
        tampering: (0..rng.usize(0..3)).map(|_| text(rng)).collect(),
        findings,
        output_diff: None,
        probes: None,
    };
    if rng.bool() {
        report.reason = candor::report::explain_outcome(&report);
    }
    report
}

/// The first character text output must not pass through raw, with its
/// position, if any: C0 controls but `\n` and `\t`, DEL, C1 controls, and the
/// bidirectional embeddings, overrides and isolates. Written out here rather
/// than taken from the library, so that a mistake there cannot hide.
pub fn raw_control(output: &str) -> Option<(usize, char)> {
    output.char_indices().find(|&(_, c)| {
        (c < ' ' && c != '\n' && c != '\t')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// Renders `entries` (and each report on its own) in every format and checks
/// what every format promises. Panics with the broken promise.
pub fn check_renderings(entries: &[CheckEntry]) {
    for entry in entries {
        if let CheckEntry::Ran { report, source } = entry {
            let text = candor::report::render_text(report, source);
            if let Some((at, c)) = raw_control(&text) {
                panic!("run text passes {c:?} raw at byte {at}:\n{text:?}");
            }
            let json = serde_json::to_string(report).expect("a report serialises");
            let back: Report = serde_json::from_str(&json).expect("a report parses back");
            assert_eq!(back.findings, report.findings);
        }
    }
    let text = candor::report::render_check_text(entries);
    if let Some((at, c)) = raw_control(&text) {
        panic!("check text passes {c:?} raw at byte {at}:\n{text:?}");
    }
    let github = candor::report::render_github(entries);
    for line in github.lines() {
        assert!(
            ["::error ", "::warning ", "::notice "]
                .iter()
                .any(|p| line.starts_with(p)),
            "not one workflow command per line: {line:?}\n{github:?}"
        );
        if let Some((at, c)) = raw_control(line) {
            panic!("github output passes {c:?} raw at byte {at}: {line:?}");
        }
        let (properties, _) = line.split_once("::").map_or(("", ""), |(_, rest)| {
            rest.split_once("::")
                .unwrap_or_else(|| panic!("no message in {line:?}"))
        });
        for property in properties.split_once(' ').map_or("", |(_, p)| p).split(',') {
            let (key, _) = property
                .split_once('=')
                .unwrap_or_else(|| panic!("a property without a value in {line:?}"));
            assert!(
                ["file", "line", "col", "endLine", "title"].contains(&key),
                "unknown property {key:?} in {line:?}"
            );
        }
    }
    let junit = candor::report::render_junit(entries, Some(Severity::Info));
    if let Err(e) = roxmltree::Document::parse(&junit) {
        panic!("JUnit is not well-formed XML ({e}):\n{junit:?}");
    }
    let sarif = candor::report::render_sarif(entries, Path::new("/work"));
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    for result in log["runs"][0]["results"]
        .as_array()
        .expect("SARIF has results")
    {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
    }
    let _: serde_json::Value = serde_json::from_str(&candor::report::render_check_json(entries))
        .expect("check JSON is JSON");
}

/// One round: a few random entries (reports with sources, unreadable files),
/// rendered every way.
pub fn round(seed: u64) {
    let mut rng = Rng::with_seed(seed);
    let entries: Vec<CheckEntry> = (0..rng.usize(1..4))
        .map(|_| {
            if rng.u8(0..5) == 0 {
                CheckEntry::Unreadable {
                    file: text(&mut rng),
                    error: text(&mut rng),
                    internal: rng.bool(),
                }
            } else {
                CheckEntry::Ran {
                    report: report(&mut rng),
                    source: source(&mut rng),
                }
            }
        })
        .collect();
    check_renderings(&entries);
}

/// Runs `round` on `seeds`, and on a panic says which seed to replay.
pub fn rounds(seeds: impl IntoIterator<Item = u64>) -> u64 {
    let mut done = 0;
    for seed in seeds {
        if let Err(panic) = std::panic::catch_unwind(|| round(seed)) {
            eprintln!("fuzz_render: seed {seed} failed (replay with FUZZ_RENDER_SEED={seed})");
            std::panic::resume_unwind(panic);
        }
        done += 1;
    }
    done
}
