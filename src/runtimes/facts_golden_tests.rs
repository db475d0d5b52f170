//! The golden test of the facts format: every fact the Python and JavaScript
//! guests emit on the whole detection corpus parses, strictly (tests deny
//! unknown fields, see `detect::facts`), so that what a guest sends and what
//! the host reads cannot drift apart unnoticed.

use crate::detect::facts::REJECTED;

#[test]
fn every_fact_the_guests_emit_parses() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let sandbox = crate::Sandbox::builder().build().expect("a sandbox");
    let (mut runs, mut findings) = (0, 0);
    for dir in ["python", "js"] {
        let mut paths: Vec<_> = std::fs::read_dir(corpus.join(dir))
            .expect("the corpus")
            .map(|e| e.expect("an entry").path())
            .filter(|p| crate::Language::from_path(p).is_some())
            .collect();
        paths.sort();
        for path in paths {
            let snippet = crate::Snippet::from_path(&path, None).expect("a snippet");
            let report = sandbox.run_blocking(&snippet).expect("a report");
            runs += 1;
            findings += report.findings.len();
            let malformed: Vec<_> = report
                .tampering
                .iter()
                .filter(|t| t.contains("malformed facts"))
                .collect();
            assert!(
                malformed.is_empty(),
                "{}: {malformed:?}\n{:#?}",
                path.display(),
                REJECTED.lock().unwrap()
            );
        }
    }
    assert!(
        runs > 150 && findings > 100,
        "{runs} runs, {findings} findings"
    );
}
