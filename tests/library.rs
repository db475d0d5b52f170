//! The library API: one Sandbox, many concurrent runs.

use candor::{Limits, Outcome, Sandbox, Snippet};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_runs_stay_apart() {
    let sandbox = Sandbox::builder().build().expect("sandbox builds");
    let mut tasks = Vec::new();
    for i in 0..50u32 {
        let sandbox = sandbox.clone();
        tasks.push(tokio::spawn(async move {
            let code = format!(
                "import sys, os\nvalue = {i}\nopen('mine.txt', 'w').write(str(value))\n\
                 print(value * value, sorted(os.listdir('/')), os.environ.get('ID'), sys.stdin.read())\n"
            );
            let snippet = Snippet::new(candor::Language::Python, format!("s{i}.py"), code)
                .with_env("ID", i.to_string())
                .with_stdin(format!("in{i}"));
            (i, sandbox.run(&snippet).await.expect("run succeeds"))
        }));
    }
    for task in tasks {
        let (i, report) = task.await.unwrap();
        assert_eq!(report.outcome, Outcome::Completed, "{i}: {}", report.stderr);
        assert_eq!(report.file, format!("s{i}.py"));
        assert_eq!(report.stdout, format!("{} ['mine.txt'] {i} in{i}\n", i * i));
    }
}

#[test]
fn blocking_runs_and_per_snippet_limits() {
    let sandbox = Sandbox::builder().build().unwrap();
    let report = sandbox
        .run_blocking(&Snippet::python("print(sum(range(10)))"))
        .unwrap();
    assert_eq!(report.stdout, "45\n");
    let tight = Limits {
        timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    let report = sandbox
        .run_blocking(&Snippet::python("while True:\n    pass\n").with_limits(tight))
        .unwrap();
    assert_eq!(report.outcome, Outcome::TimedOut);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["outcome"], "timed_out");
}
