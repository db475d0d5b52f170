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

/// A pooled sandbox keeps an instance ready and gives the run its stdin,
/// arguments, environment and limits when it is taken: everything must come
/// out as from a one-shot sandbox, which instantiates per run.
#[test]
fn a_ready_instance_runs_like_a_fresh_one() {
    let one_shot = Sandbox::builder()
        .concurrent_runs(1)
        .deterministic(true)
        .build()
        .unwrap();
    let pooled = Sandbox::builder()
        .concurrent_runs(2)
        .deterministic(true)
        .build()
        .unwrap();
    let code = "import sys, os, random, time\n\
                print(sys.argv[1:], os.environ.get('MODE'), repr(sys.stdin.read()))\n\
                print(random.random(), time.time(), sorted(os.listdir('/')))\n\
                open('left.txt', 'w').write('x')\n\
                print('y' * 5000)\n";
    let snippet = Snippet::new(candor::Language::Python, "ready.py", code)
        .with_arg("--flag")
        .with_env("MODE", "ready")
        .with_stdin("line one\nline two\n");
    let short_output = Limits {
        max_output: 100,
        ..Limits::default()
    };
    let small_memory = Limits {
        memory: 8 << 20,
        ..Limits::default()
    };
    let cases = [
        snippet.clone(),
        snippet.clone().with_limits(short_output),
        snippet.with_limits(small_memory),
    ];
    for case in &cases {
        let expected = one_shot.run_blocking(case).unwrap();
        for round in 0..3 {
            // time for the standby thread to have an instance ready
            std::thread::sleep(Duration::from_millis(50));
            let got = pooled.run_blocking(case).unwrap();
            let what = format!("round {round}, limits {:?}", case.limits);
            assert_eq!(got.outcome, expected.outcome, "{what}: {}", got.stderr);
            assert_eq!(got.stdout, expected.stdout, "{what}");
            assert_eq!(got.stderr, expected.stderr, "{what}");
            assert_eq!(got.truncated, expected.truncated, "{what}");
            assert_eq!(got.fuel_consumed, expected.fuel_consumed, "{what}");
        }
    }
    assert!(
        one_shot
            .run_blocking(&cases[0])
            .unwrap()
            .stdout
            .starts_with("['--flag'] ready 'line one\\nline two\\n'\n"),
        "arguments, environment and stdin reach the snippet"
    );
    assert_eq!(
        pooled.run_blocking(&cases[2]).unwrap().outcome,
        Outcome::MemoryExceeded
    );
}

#[test]
fn a_snippet_may_name_its_runtime_and_a_wrong_one_is_refused() {
    let sandbox = Sandbox::builder().build().expect("sandbox builds");
    let python = |code: &str| Snippet::new(candor::Language::Python, "n.py", code);
    let report = sandbox
        .run_blocking(&python("print(6 * 7)").with_runtime("python"))
        .expect("the python runtime runs python");
    assert_eq!(
        (report.outcome, report.stdout.as_str()),
        (Outcome::Completed, "42\n")
    );
    let refused = |name: &str| match sandbox.run_blocking(&python("print(1)").with_runtime(name)) {
        Err(candor::Error::BadInput(why)) => why,
        other => panic!("{name}: expected BadInput, got {other:?}"),
    };
    assert_eq!(
        refused("wasm"),
        "the wasm runtime does not run python snippets (it runs wasm)"
    );
    assert_eq!(
        refused("pythn"),
        "unknown runtime \"pythn\" (known: python, javascript, wasm, native, python-data)"
    );
}
