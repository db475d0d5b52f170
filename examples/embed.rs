//! Embedding candor: one `Sandbox`, built once, runs three snippets and prints
//! how each ended and what it hid.
//!
//! Run with `cargo run --release --example embed`.

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
    Ok(())
}
