//! The corpora: every snippet in `tests/corpus/python/` and `tests/corpus/js/`
//! runs through the real `candor` binary, and its findings must be exactly the
//! ones listed in the snippet's `.expected` sidecar.
//!
//! A sidecar has one line per finding, `kind severity line` (e.g.
//! `fabricated_value error 16`), blank lines and `#` comments ignored, and the
//! line `tampered` when the report must say `"instrumentation_tampered": true`
//! (without it, the flag must be false). An empty sidecar means the snippet is
//! correct code that must stay quiet.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Snippets run at once.
const PARALLEL: usize = 4;

/// What a snippet must report, or did report.
#[derive(Debug, Default, PartialEq, Eq)]
struct Outcome {
    /// (kind, severity, line), sorted; repeated entries are kept.
    findings: Vec<(String, String, u64)>,
    tampered: bool,
}

impl Outcome {
    fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .findings
            .iter()
            .map(|(k, s, l)| format!("{k} {s} {l}"))
            .collect();
        if self.tampered {
            out.push("tampered".to_string());
        }
        out
    }
}

/// One corpus: a folder of snippets and the file extensions that select them.
struct Corpus {
    folder: &'static str,
    extensions: &'static [&'static str],
}

const PYTHON: Corpus = Corpus {
    folder: "python",
    extensions: &["py"],
};
const JAVASCRIPT: Corpus = Corpus {
    folder: "js",
    extensions: &["js", "mjs", "ts"],
};

impl Corpus {
    fn dir(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(self.folder)
    }

    fn snippets(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir())
            .expect("the corpus directory exists")
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| {
                Path::new(n)
                    .extension()
                    .is_some_and(|e| self.extensions.iter().any(|x| e == *x))
            })
            .collect();
        names.sort();
        names
    }
}

fn expected(corpus: &Corpus, name: &str) -> Result<Outcome, String> {
    let stem = Path::new(name).file_stem().unwrap().to_string_lossy();
    let path = corpus.dir().join(format!("{stem}.expected"));
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut outcome = Outcome::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        if line == "tampered" {
            outcome.tampered = true;
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let parsed = match parts.as_slice() {
            [kind, severity, l] => l
                .parse::<u64>()
                .ok()
                .map(|l| (kind.to_string(), severity.to_string(), l)),
            _ => None,
        };
        match parsed {
            Some(f) => outcome.findings.push(f),
            None => {
                return Err(format!(
                    "{}:{}: expected `kind severity line` or `tampered`, got {raw:?}",
                    path.display(),
                    n + 1
                ));
            }
        }
    }
    outcome.findings.sort();
    Ok(outcome)
}

fn actual(corpus: &Corpus, name: &str) -> Result<Outcome, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["run", name, "--format", "json", "--fail-on", "never"])
        .current_dir(corpus.dir())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot start candor: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: serde_json::Value = serde_json::from_str(&stdout).map_err(|e| {
        format!(
            "candor printed no JSON report ({e}); stderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    let mut outcome = Outcome {
        tampered: report["instrumentation_tampered"]
            .as_bool()
            .ok_or("the report has no boolean instrumentation_tampered")?,
        ..Outcome::default()
    };
    for f in report["findings"]
        .as_array()
        .ok_or("the report has no findings array")?
    {
        let text = |key: &str| f[key].as_str().unwrap_or("?").to_string();
        let line = f["line"].as_u64().ok_or("a finding has no line")?;
        outcome
            .findings
            .push((text("kind"), text("severity"), line));
    }
    outcome.findings.sort();
    let ran = report["outcome"].as_str().unwrap_or("?");
    if !matches!(ran, "completed" | "failed") {
        return Err(format!(
            "the run ended with outcome {ran}: {}",
            report["reason"]
        ));
    }
    Ok(outcome)
}

/// `- line` for expected-only entries, `+ line` for actual-only ones.
fn diff(expected: &Outcome, actual: &Outcome) -> String {
    let count = |lines: Vec<String>| {
        let mut m = BTreeMap::new();
        for l in lines {
            *m.entry(l).or_insert(0i32) += 1;
        }
        m
    };
    let want = count(expected.lines());
    let got = count(actual.lines());
    let mut out = String::new();
    for (line, n) in &want {
        for _ in 0..(n - got.get(line).copied().unwrap_or(0)).max(0) {
            out.push_str(&format!("    - missing: {line}\n"));
        }
    }
    for (line, n) in &got {
        for _ in 0..(n - want.get(line).copied().unwrap_or(0)).max(0) {
            out.push_str(&format!("    + extra:   {line}\n"));
        }
    }
    out
}

/// The least a corpus must hold.
struct Shape {
    firing: usize,
    quiet: usize,
    latent: usize,
    tampered: usize,
    typescript: usize,
}

#[test]
fn every_python_snippet_reports_exactly_its_expected_findings() {
    check_corpus(
        &PYTHON,
        Shape {
            firing: 30,
            quiet: 15,
            latent: 1,
            tampered: 2,
            typescript: 0,
        },
    );
}

#[test]
fn every_javascript_snippet_reports_exactly_its_expected_findings() {
    check_corpus(
        &JAVASCRIPT,
        Shape {
            firing: 30,
            quiet: 20,
            latent: 2,
            tampered: 0,
            typescript: 15,
        },
    );
}

fn check_corpus(corpus: &Corpus, least: Shape) {
    let names = corpus.snippets();
    let mut expectations = Vec::new();
    let mut problems = Vec::new();
    for name in &names {
        match expected(corpus, name) {
            Ok(e) => expectations.push(e),
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                expectations.push(Outcome::default());
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // the corpus itself must keep its shape: enough firing and quiet snippets
    let firing = expectations
        .iter()
        .filter(|e| e.findings.iter().any(|f| f.1 != "info"))
        .count();
    let quiet = expectations
        .iter()
        .filter(|e| e.findings.is_empty() && !e.tampered)
        .count();
    let latent = expectations
        .iter()
        .filter(|e| e.findings.iter().any(|f| f.0 == "latent_swallow"))
        .count();
    let tampered = expectations.iter().filter(|e| e.tampered).count();
    let typescript = names.iter().filter(|n| n.ends_with(".ts")).count();
    assert!(
        firing >= least.firing
            && quiet >= least.quiet
            && latent >= least.latent
            && tampered >= least.tampered
            && typescript >= least.typescript,
        "the {} corpus has {firing} firing, {quiet} quiet, {latent} latent, {tampered} tampering and {typescript} TypeScript snippets",
        corpus.folder
    );

    // the first run may compile the runtime into the cache: do it alone
    let results: Vec<Mutex<Option<Result<Outcome, String>>>> =
        names.iter().map(|_| Mutex::new(None)).collect();
    *results[0].lock().unwrap() = Some(actual(corpus, &names[0]));
    let next = AtomicUsize::new(1);
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= names.len() {
                        break;
                    }
                    let outcome = actual(corpus, &names[i]);
                    *results[i].lock().unwrap() = Some(outcome);
                }
            });
        }
    });

    let mut failures = Vec::new();
    for ((name, want), got) in names.iter().zip(&expectations).zip(results) {
        match got.into_inner().unwrap().expect("every snippet ran") {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(got) if &got != want => failures.push(format!(
                "{name}:\n  expected: [{}]\n  actual:   [{}]\n{}",
                want.lines().join(", "),
                got.lines().join(", "),
                diff(want, &got)
            )),
            Ok(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} snippets differ from their .expected files:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
