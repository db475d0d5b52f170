//! The build rewrites CPython's calls through function pointers that the
//! pre-initialisation fixed (allocators, SQLite's memory methods) into a
//! guarded direct call (`build/python/devirtualize.rs`). These snippets go through
//! both sides of such guards, through the real binary.

mod common;

use common::{run_snippet, scratch};

fn stdout_of(name: &str, code: &str) -> String {
    let dir = scratch();
    let run = run_snippet(dir.path(), name, code, &[]);
    let report = run.json();
    assert_eq!(report["outcome"], "completed", "{}", run.stdout);
    report["stdout"].as_str().unwrap().to_string()
}

#[test]
fn an_allocator_installed_at_run_time_sees_every_allocation() {
    // `_tracemalloc.start()` replaces the object allocator's pointers; if a
    // devirtualised call ignored the new pointer, nothing would be traced.
    let out = stdout_of(
        "traced.py",
        "import _tracemalloc\n\
         _tracemalloc.start()\n\
         before = _tracemalloc.get_traced_memory()[0]\n\
         xs = [str(i) * 3 for i in range(10000)]\n\
         after = _tracemalloc.get_traced_memory()[0]\n\
         _tracemalloc.stop()\n\
         print(after - before > 200_000, _tracemalloc.get_traced_memory())\n",
    );
    assert_eq!(out, "True (0, 0)\n");
}

#[test]
fn integer_arithmetic_through_the_default_allocator_is_exact() {
    let out = stdout_of(
        "sum.py",
        "print(sum(i * i for i in range(300_000)))\nprint(3 ** 200 % 1_000_003)\n",
    );
    assert_eq!(out, "8999955000050000\n333986\n");
}

#[test]
fn sqlite_through_its_fixed_memory_methods_works() {
    let out = stdout_of(
        "db.py",
        "import sqlite3\n\
         db = sqlite3.connect(':memory:')\n\
         db.execute('create table t (x integer, s text)')\n\
         db.executemany('insert into t values (?, ?)', [(i, str(i) * 20) for i in range(2000)])\n\
         print(db.execute('select sum(x), count(distinct s) from t').fetchone())\n",
    );
    assert_eq!(out, "(1999000, 2000)\n");
}
