//! Embedding candor: one `Sandbox`, built once, runs three snippets and prints
//! how each ended and what it hid; then probes a fourth, whose output must
//! repeat and match what is expected of it (`candor::probe`).
//!
//! Run with `cargo run --release --example embed`.

use candor::probe::{self, Probes};
use candor::{Limits, Sandbox, Snippet};
use std::time::Duration;

fn main() -> Result<(), candor::Error> {
    let sandbox = Sandbox::builder()
        .limits(Limits {
            timeout: Duration::from_secs(5),
            ..Limits::default()
        })
        .on_compile(|language, path| {
            eprintln!(
                "compiling the {} runtime once into {}",
                language.name(),
                path.display()
            )
        })
        .build()?;

    let snippets = [
        Snippet::python("print('hello from the sandbox')").with_limits(Limits::default()),
        Snippet::python(
            "def price(row):\n    try:\n        return float(row['price'])\n    except KeyError:\n        return 0.0\n\nprint(price({'cost': '3'}))\n",
        ),
        Snippet::python("while True:\n    pass\n").with_limits(Limits {
            fuel: 1_000_000_000,
            ..Limits::default()
        }),
    ];
    for snippet in &snippets {
        let report = sandbox.run_blocking(snippet)?;
        println!(
            "{}: {} in {:.1} ms, stdout {:?}",
            report.file,
            report.outcome.as_str(),
            report.duration_ms,
            report.stdout
        );
        print_findings(&report);
    }

    // a made-up price each run: the output neither repeats nor is the one expected
    let drawn = Snippet::python(
        "import random\ntry:\n    price = float('n/a')\nexcept ValueError:\n    price = random.uniform(1, 2)\nprint(f'{price:.2f}')\n",
    );
    let probes = Probes::default().determinism(true).expect_stdout("0.99\n");
    let report = probe::run_blocking(&sandbox, &drawn, &probes)?;
    println!("probed: stdout {:?}", report.stdout);
    print_findings(&report);
    Ok(())
}

fn print_findings(report: &candor::Report) {
    for finding in &report.findings {
        println!(
            "  {}[{}] line {}: {}",
            finding.severity.as_str(),
            finding.kind.as_str(),
            finding.line,
            finding.message
        );
    }
}
