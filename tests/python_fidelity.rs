//! Python in candor runs like python3: the whole pure-Python standard library
//! imports (and what cannot work says why), the snippet is `__main__`,
//! recursion through C reaches CPython's own limits instead of trapping, a
//! deep recursion's traceback prints in time, network calls say there is no
//! network, and `--mount` lets a snippet read host files and nothing more.

mod common;

use common::{assert_contains, candor_in, run_snippet, scratch};
use serde_json::Value;
use std::path::Path;

/// Runs `code` as `snippet.py` with `extra` arguments; the JSON report.
fn run(code: &str, extra: &[&str]) -> Value {
    let dir = scratch();
    run_snippet(dir.path(), "snippet.py", code, extra).json()
}

#[track_caller]
fn completed(r: &Value) -> &str {
    assert_eq!(r["outcome"], "completed", "{r:#}");
    r["stdout"].as_str().unwrap()
}

#[test]
fn builtins_hold_no_name_of_candors_with_detection_on() {
    // the probes are bound into the snippet's code, not looked up in builtins
    let r = run(
        "import builtins\nprint([n for n in dir(builtins) if 'candor' in n])\ntry:\n    {}['k']\nexcept KeyError:\n    pass\n",
        &[],
    );
    assert_eq!(completed(&r), "[]\n");
    assert_eq!(r["instrumentation_tampered"], false, "{r:#}");
    assert_eq!(r["findings"][0]["kind"], "swallowed_exception", "{r:#}");
}

#[test]
fn modules_that_were_not_preloaded_import_and_work() {
    let r = run(
        r#"
import datetime
print(datetime.datetime.strptime("2024-03-05 17:04", "%Y-%m-%d %H:%M"))
import tomllib
print(tomllib.loads('a = 1\n[b]\nc = "x"'))
import configparser
p = configparser.ConfigParser(); p.read_string("[s]\nk = v\n"); print(p["s"]["k"])
import optparse, http, tarfile, plistlib, sched, fileinput, shelve, pickletools
import stringprep, xml.dom.minidom, tracemalloc, cProfile, zoneinfo
print(xml.dom.minidom.parseString("<a><b/></a>").documentElement.tagName)
berlin = zoneinfo.ZoneInfo("Europe/Berlin")
print(datetime.datetime(2024, 7, 1, 12, tzinfo=berlin).utcoffset(), zoneinfo.ZoneInfo("UTC").key)
print(len(zoneinfo.available_timezones()) > 500)
import concurrent.futures.thread, importlib.resources, encodings.idna
print("ok")
"#,
        &[],
    );
    assert_eq!(
        completed(&r),
        "2024-03-05 17:04:00\n{'a': 1, 'b': {'c': 'x'}}\nv\na\n2:00:00 UTC\nTrue\nok\n"
    );
}

#[test]
fn a_standard_library_module_shows_its_source() {
    // inspect and tracebacks read the source of modules served from the snapshot
    let r = run(
        "import inspect, json, tomllib\n\
         print(inspect.getsource(json.dumps).split('(')[0])\n\
         print(inspect.getsource(tomllib.loads).split('(')[0])\n\
         tomllib.loads('a = ')\n",
        &[],
    );
    assert_eq!(r["outcome"], "failed", "{r:#}");
    assert_eq!(r["stdout"], "def dumps\ndef loads\n");
    let stderr = r["stderr"].as_str().unwrap();
    // the traceback shows a line of tomllib's source, not just its position
    assert_contains(stderr, "tomllib/_parser.py\", line");
    assert_contains(stderr, "raise ");
    assert_contains(stderr, "TOMLDecodeError");
}

#[test]
fn a_module_that_cannot_work_says_why() {
    let r = run(
        "for m in ('multiprocessing', 'ssl', 'ctypes', 'curses', 'bz2', 'lzma'):\n\
         \x20   try:\n\
         \x20       __import__(m)\n\
         \x20   except ImportError as e:\n\
         \x20       print(type(e).__name__, e)\n",
        &[],
    );
    let out = completed(&r);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    for line in lines {
        assert!(
            line.starts_with("ModuleNotFoundError No module named"),
            "{line}"
        );
        assert_contains(line, "not available in candor's sandbox: ");
    }
    assert_contains(
        out,
        "'multiprocessing': not available in candor's sandbox: no processes",
    );
    assert_contains(
        out,
        "'bz2': not available in candor's sandbox: CPython's WebAssembly build has no bz2",
    );
}

#[test]
fn candor_runtimes_lists_the_modules_that_are_missing() {
    let dir = scratch();
    let out = candor_in(dir.path(), &["runtimes"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_contains(&out.stdout, "not available in the sandbox:");
    assert_contains(&out.stdout, "multiprocessing: no processes");
    assert_contains(&out.stdout, "ssl: no network");
}

#[test]
fn the_snippet_is_the_main_module() {
    let r = run(
        r#"
import sys, pickle, inspect, timeit, doctest, warnings
def add(a, b):
    """
    >>> add(1, 2)
    3
    """
    return a + b
class Point:
    def __init__(self, x):
        self.x = x
print(__name__, sys.modules["__main__"].add is add)
print(pickle.loads(pickle.dumps(Point(3))).x)
print(inspect.getsource(add).splitlines()[0])
print(timeit.timeit("add(1, 2)", setup="from __main__ import add", number=3) >= 0)
print(doctest.testmod())
for _ in range(2):
    warnings.warn("once")
"#,
        &[],
    );
    assert_eq!(
        completed(&r),
        "__main__ True\n3\ndef add(a, b):\nTrue\nTestResults(failed=0, attempted=1)\n"
    );
    // the warnings registry of __main__ shows the warning once
    assert_eq!(
        r["stderr"]
            .as_str()
            .unwrap()
            .matches("UserWarning: once")
            .count(),
        1,
        "{r:#}"
    );
}

#[test]
fn a_failing_doctest_is_reported_not_skipped() {
    let r = run(
        "def double(x):\n    \"\"\"\n    >>> double(2)\n    5\n    \"\"\"\n    return 2 * x\n\
         import doctest\nprint(doctest.testmod())\n",
        &[],
    );
    let out = completed(&r);
    assert_contains(
        out,
        "Failed example:\n    double(2)\nExpected:\n    5\nGot:\n    4",
    );
    assert_contains(out, "TestResults(failed=1, attempted=1)");
}

#[test]
fn unittest_main_runs_the_snippets_tests_and_sets_the_exit_status() {
    let suite = "import unittest\n\
                 class T(unittest.TestCase):\n\
                 \x20   def test_ok(self):\n        self.assertEqual(1 + 1, 2)\n\
                 \x20   def test_bad(self):\n        self.assertEqual(1 + 1, 3)\n\
                 unittest.main()\n";
    let r = run(suite, &[]);
    assert_eq!(r["outcome"], "failed", "{r:#}");
    assert_eq!(r["exit_code"], 1);
    let stderr = r["stderr"].as_str().unwrap();
    assert_contains(stderr, "Ran 2 tests");
    assert_contains(stderr, "FAILED (failures=1)");
    let passing = suite.replace("1 + 1, 3", "1 + 1, 2");
    let r = run(&passing, &[]);
    assert_eq!(r["exit_code"], 0, "{r:#}");
    assert_contains(r["stderr"].as_str().unwrap(), "Ran 2 tests");
}

#[test]
fn recursion_through_c_reaches_the_recursion_limit_not_a_trap() {
    let r = run(
        r#"
import functools, json, sys
@functools.cache
def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1
print(depth(900))
depth.cache_clear()
try:
    depth(5000)
except RecursionError:
    print("RecursionError")
nested = []
for _ in range(900):
    nested = [nested]
print(len(json.dumps(nested)), len(repr(nested)))
for _ in range(100_000):
    nested = [nested]
try:
    json.dumps(nested)
except RecursionError:
    print("RecursionError")
print(sorted([3, 1, 2], key=lambda v: depth(v)))
print(sys.getrecursionlimit())
"#,
        &[],
    );
    assert_eq!(
        completed(&r),
        "900\nRecursionError\n1802 1802\nRecursionError\n[1, 2, 3]\n1000\n"
    );
}

#[test]
fn a_caught_recursion_error_leaves_the_program_running() {
    let r = run(
        "import sys\nsys.setrecursionlimit(10_000)\n\
         def down(n):\n    return down(n + 1)\n\
         try:\n    down(0)\nexcept RecursionError as e:\n    print('caught', e)\n\
         def count(n):\n    return 0 if n == 0 else count(n - 1) + 1\n\
         print(count(9_000))\n",
        &[],
    );
    assert_eq!(
        completed(&r),
        "caught maximum recursion depth exceeded\n9000\n"
    );
}

#[test]
fn an_uncaught_deep_recursion_prints_pythons_summary() {
    let r = run(
        "import sys\nsys.setrecursionlimit(10_500)\ndef down(n):\n    return down(n + 1)\ndown(0)\n",
        &["--timeout", "120s"],
    );
    assert_eq!(r["outcome"], "failed", "{r:#}");
    let stderr = r["stderr"].as_str().unwrap();
    // three repeats shown, the rest counted, as python3 prints it
    assert_eq!(stderr.matches("line 4, in down").count(), 3, "{stderr}");
    assert_contains(stderr, "[Previous line repeated ");
    assert!(
        stderr.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{stderr}"
    );
}

#[test]
fn network_calls_say_the_sandbox_has_no_network() {
    let r = run(
        r#"
import socket, urllib.request
for call in (lambda: socket.create_connection(("example.com", 80)),
             lambda: urllib.request.urlopen("http://example.com"),
             lambda: socket.socket().connect(("127.0.0.1", 80))):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e)
"#,
        &[],
    );
    let out = completed(&r);
    assert_eq!(out.lines().count(), 3, "{out}");
    for line in out.lines() {
        assert_contains(line, "network access is not available in candor's sandbox");
    }
}

/// A directory with `input.csv`, a subdirectory, and a link to a file outside it.
fn data_dir(root: &Path) -> std::path::PathBuf {
    let outside = root.join("secret.txt");
    std::fs::write(&outside, "host secret").unwrap();
    let data = root.join("data");
    std::fs::create_dir_all(data.join("sub")).unwrap();
    std::fs::write(data.join("input.csv"), "a,b\n1,2\n").unwrap();
    std::fs::write(data.join("sub/more.txt"), "more").unwrap();
    std::os::unix::fs::symlink(&outside, data.join("escape.txt")).unwrap();
    std::os::unix::fs::symlink("sub/more.txt", data.join("inside.txt")).unwrap();
    data
}

const READS_THE_MOUNT: &str = r#"
import csv, os, sys
root = sys.argv[1]
print(sorted(os.listdir(root)))
with open(f"{root}/input.csv") as f:
    print(list(csv.reader(f)))
print(open(f"{root}/inside.txt").read())
for attempt in (lambda: open(f"{root}/escape.txt").read(),
                lambda: open(f"{root}/new.txt", "w"),
                lambda: open(f"{root}/input.csv", "a"),
                lambda: os.remove(f"{root}/input.csv"),
                lambda: os.mkdir(f"{root}/d"),
                lambda: open(f"{root}/../secret.txt").read()):
    try:
        print("allowed:", attempt())
    except OSError as e:
        print("refused:", type(e).__name__)
"#;

#[test]
fn a_mounted_directory_is_readable_and_nothing_more() {
    let dir = scratch();
    let data = data_dir(dir.path());
    std::fs::write(dir.path().join("snippet.py"), READS_THE_MOUNT).unwrap();
    let spec = format!("{}:/in", data.display());
    for (mount, root) in [(data.display().to_string(), "/data"), (spec, "/in")] {
        let out = candor_in(
            dir.path(),
            &[
                "run",
                "snippet.py",
                "--format",
                "json",
                "--mount",
                &mount,
                "--arg",
                root,
            ],
            &[],
        );
        let r = out.json();
        let stdout = completed(&r);
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(
            lines[0], "['escape.txt', 'input.csv', 'inside.txt', 'sub']",
            "{stdout}"
        );
        assert_eq!(lines[1], "[['a', 'b'], ['1', '2']]");
        assert_eq!(lines[2], "more");
        assert_eq!(
            lines[3..]
                .iter()
                .filter(|l| l.starts_with("refused:"))
                .count(),
            6,
            "{stdout}"
        );
    }
    // nothing was written on the host
    let mut names: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["escape.txt", "input.csv", "inside.txt", "sub"]);
    assert_eq!(
        std::fs::read_to_string(data.join("input.csv")).unwrap(),
        "a,b\n1,2\n"
    );
}

#[test]
fn check_mounts_the_directory_for_every_snippet() {
    let dir = scratch();
    let data = data_dir(dir.path());
    let snippets = dir.path().join("snippets");
    std::fs::create_dir(&snippets).unwrap();
    std::fs::write(
        snippets.join("a.py"),
        "print(open('/data/input.csv').read().split()[1])\n",
    )
    .unwrap();
    std::fs::write(
        snippets.join("b.py"),
        "print(len(open('/data/sub/more.txt').read()))\n",
    )
    .unwrap();
    let out = candor_in(
        dir.path(),
        &[
            "check",
            "snippets",
            "--format",
            "json",
            "--mount",
            &data.display().to_string(),
        ],
        &[],
    );
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let r = out.json();
    let stdouts: Vec<&str> = r["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["stdout"].as_str().unwrap())
        .collect();
    assert_eq!(stdouts, ["1,2\n", "4\n"]);
}

#[test]
fn a_bad_mount_is_a_usage_error() {
    let dir = scratch();
    std::fs::write(dir.path().join("s.py"), "print(1)\n").unwrap();
    std::fs::write(dir.path().join("file"), "x").unwrap();
    for (spec, says) in [
        ("missing", "mount missing:"),
        ("file", "not a directory"),
        (".:/", "scratch directory"),
        (".:/a/../b", "plain names"),
        (".:/a/./b", "plain names"),
        (".:/.candor", "candor uses this path"),
    ] {
        let out = candor_in(dir.path(), &["run", "s.py", "--mount", spec], &[]);
        assert_eq!(out.code, 2, "{spec}: {}", out.stderr);
        assert_contains(&out.stderr, says);
    }
    let out = candor_in(
        dir.path(),
        &["run", "s.py", "--mount", ".:/d", "--mount", ".:/d"],
        &[],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_contains(&out.stderr, "two mounts at /d");
}

#[test]
fn the_library_mounts_through_the_snippet() {
    let dir = scratch();
    let data = data_dir(dir.path());
    let sandbox = candor::Sandbox::builder().build().unwrap();
    let snippet = candor::Snippet::python("print(open('/data/input.csv').read(), end='')")
        .with_mount(candor::Mount::new(&data, candor::DEFAULT_MOUNT_POINT).unwrap());
    let report = sandbox.run_blocking(&snippet).unwrap();
    assert_eq!(report.stdout, "a,b\n1,2\n", "{report:?}");
}

#[test]
fn the_library_refuses_what_no_guest_can_take() {
    let sandbox = candor::Sandbox::builder().build().unwrap();
    let base = candor::Snippet::javascript("console.log(1)");
    let mut with_arg = base.clone();
    with_arg.args = vec!["a\0b".into()];
    let mut with_env = base.clone();
    with_env.env = vec![("K".into(), "v\0".into())];
    let mut with_key = base.clone();
    with_key.env = vec![("A=B".into(), "v".into())];
    let dir = scratch();
    let twice = base
        .clone()
        .with_mount(candor::Mount::new(dir.path(), "/d").unwrap())
        .with_mount(candor::Mount::new(dir.path(), "/d").unwrap());
    for (snippet, says) in [
        (with_arg, "invalid argument"),
        (with_env, "NUL character"),
        (with_key, "contains '='"),
        (twice, "two mounts at /d"),
    ] {
        let error = sandbox.run_blocking(&snippet).unwrap_err().to_string();
        assert_contains(&error, says);
    }
}

#[test]
fn atexit_functions_run_when_the_snippet_ends() {
    let r = run(
        "import atexit, sys\n\
         atexit.register(lambda: print('second'))\n\
         atexit.register(lambda: print('first'))\n\
         print('body')\n\
         sys.exit(3)\n",
        &[],
    );
    assert_eq!(r["stdout"], "body\nfirst\nsecond\n", "{r:#}");
    assert_eq!(r["exit_code"], 3);
}
