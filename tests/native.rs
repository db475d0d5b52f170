//! C, C++ and Zig snippets (`candor run x.c|x.cpp|x.zig`): compiled to
//! WebAssembly by zig on the host, run under the same limits, and the
//! failures the C library hides reported at their line. Every test runs the
//! real binary.

mod common;

use common::{Run, assert_contains, assert_outcome, candor_in, scratch};
use serde_json::Value;
use std::path::Path;

/// Compiling waits on zig's shared cache, which a loaded machine (or another
/// candor compiling beside it) can hold for seconds: the tests give compiles
/// room, except where the time limit is what they test.
const ROOM: &[&str] = &["--timeout", "60s"];

/// `common::run_snippet` with `ROOM` unless `extra` sets a timeout.
fn run_snippet(dir: &Path, name: &str, code: &str, extra: &[&str]) -> Run {
    let mut args: Vec<&str> = extra.to_vec();
    if !extra.contains(&"--timeout") {
        args.extend_from_slice(ROOM);
    }
    common::run_snippet(dir, name, code, &args)
}

/// The findings of a JSON report as (kind, line) pairs.
fn kinds_and_lines(report: &Value) -> Vec<(String, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Runs `code` as `name` with stdin from `input`.
fn run_with_stdin(dir: &Path, name: &str, code: &str, input: &str, extra: &[&str]) -> Run {
    std::fs::write(dir.join("input.txt"), input).unwrap();
    let mut args = vec!["--stdin", "input.txt"];
    args.extend_from_slice(extra);
    run_snippet(dir, name, code, &args)
}

const SUM_AND_ROOT: &str = r#"#include <math.h>
#include <stdio.h>

int main(void) {
    double x, total = 0;
    int n = 0;
    while (scanf("%lf", &x) == 1) {
        total += x;
        n++;
    }
    printf("n=%d total=%.1f root=%.3f\n", n, total, sqrt(total));
    return 0;
}
"#;

#[test]
fn a_c_program_reads_stdin_does_math_and_reading_to_the_end_is_quiet() {
    let dir = scratch();
    let run = run_with_stdin(dir.path(), "sum.c", SUM_AND_ROOT, "1 2.5\n3.5 9\n", &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "n=4 total=16.0 root=4.000\n");
    assert_eq!(report["language"], "c");
    assert_eq!(report["runtime"]["name"], "zig");
    assert_eq!(kinds_and_lines(&report), vec![]);
    assert_eq!(run.code, 0);
}

#[test]
fn a_scan_that_stops_on_bad_input_is_a_swallowed_failure_at_its_line() {
    let dir = scratch();
    let run = run_with_stdin(dir.path(), "sum.c", SUM_AND_ROOT, "1 2 oops 4\n", &[]);
    let report = assert_outcome(&run, "completed");
    // the loop ended at "oops": 4 was never read, and the program said n=2
    assert_eq!(report["stdout"], "n=2 total=3.0 root=1.732\n");
    assert_eq!(
        kinds_and_lines(&report),
        vec![("swallowed_exception".to_string(), 7)]
    );
    assert_contains(
        report["findings"][0]["message"].as_str().unwrap(),
        "scanf(\"%lf\") stored 0 of 1 items",
    );
    assert_eq!(run.code, 1);
}

const PARSE_AGES: &str = r#"#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char line[64];
    int total = 0;
    while (fgets(line, sizeof line, stdin)) {
        int age = atoi(line);
        total += age;
    }
    printf("total age: %d\n", total);
    return 0;
}
"#;

#[test]
fn atoi_on_text_without_a_number_is_a_fabricated_value_at_its_line() {
    let dir = scratch();
    let run = run_with_stdin(
        dir.path(),
        "ages.c",
        PARSE_AGES,
        "31\nn/a\n40\nunknown\n",
        &[],
    );
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "total age: 71\n");
    assert_eq!(
        kinds_and_lines(&report),
        vec![("fabricated_value".to_string(), 8)]
    );
    let finding = &report["findings"][0];
    assert_eq!(finding["count"], 2);
    assert_eq!(finding["value"]["repr"], "0");
    assert_contains(
        finding["message"].as_str().unwrap(),
        "atoi(\"n/a\\n\") returned 0",
    );
    // good input: quiet
    let run = run_with_stdin(dir.path(), "ages.c", PARSE_AGES, "31\n40\n", &[]);
    assert_eq!(kinds_and_lines(&assert_outcome(&run, "completed")), vec![]);
}

#[test]
fn an_sscanf_that_matched_less_than_asked_is_flagged_and_a_checked_one_is_not() {
    let dir = scratch();
    let unchecked = r#"#include <stdio.h>

int main(void) {
    int year = 0, month = 0, day = 0;
    sscanf("2024-xx-05", "%d-%d-%d", &year, &month, &day);
    printf("%d/%d/%d\n", year, month, day);
    return 0;
}
"#;
    let run = run_snippet(dir.path(), "date.c", unchecked, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(
        kinds_and_lines(&report),
        vec![("swallowed_exception".to_string(), 5)]
    );
    assert_contains(
        report["findings"][0]["message"].as_str().unwrap(),
        "stored 1 of 3 items from \"2024-xx-05\"",
    );
    let checked = r#"#include <stdio.h>

int main(void) {
    int year, month, day;
    if (sscanf("2024-xx-05", "%d-%d-%d", &year, &month, &day) != 3) {
        fprintf(stderr, "bad date\n");
        return 2;
    }
    return 0;
}
"#;
    let run = run_snippet(dir.path(), "checked.c", checked, &[]);
    let report = assert_outcome(&run, "failed");
    assert_eq!(kinds_and_lines(&report), vec![]);
    assert_eq!(run.code, 3);
}

#[test]
fn failures_the_program_checks_or_could_check_stay_quiet() {
    let dir = scratch();
    let careful = r#"#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *text = "12abc";
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (end == text || errno == ERANGE) {
        return 1;
    }
    FILE *config = fopen("/missing.cfg", "r");
    if (config == NULL) {
        n += 1; /* optional file: defaults */
    }
    fprintf(stderr, "0 errors\n");
    printf("%ld\n", n);
    return 0;
}
"#;
    let run = run_snippet(dir.path(), "careful.c", careful, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "13\n");
    // strtol with an end pointer, and "0 errors", are not failures; the
    // missing optional file is reported, as the program exited 0 after it
    assert_eq!(
        kinds_and_lines(&report),
        vec![("swallowed_exception".to_string(), 13)]
    );
}

#[test]
fn an_error_told_on_stderr_before_exit_0_is_swallowed_but_not_before_a_failing_exit() {
    let dir = scratch();
    let code = r#"#include <stdio.h>

int load(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "error: cannot read %s\n", path);
        return EXIT_CODE;
    }
    fclose(f);
    return 0;
}

int main(void) {
    return load("/data.csv");
}
"#;
    let run = run_snippet(dir.path(), "load.c", &code.replace("EXIT_CODE", "0"), &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(
        kinds_and_lines(&report),
        vec![
            ("swallowed_exception".to_string(), 4),
            ("swallowed_exception".to_string(), 6)
        ]
    );
    let run = run_snippet(dir.path(), "load.c", &code.replace("EXIT_CODE", "1"), &[]);
    let report = assert_outcome(&run, "failed");
    assert_eq!(kinds_and_lines(&report), vec![]);
}

#[test]
fn a_compile_error_fails_with_the_diagnostics_at_the_users_file_and_line() {
    let dir = scratch();
    let code = "#include <stdio.h>\n\nint main(void) {\n    int x = ;\n    return 0;\n}\n";
    std::fs::create_dir(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("src/broken.c"), code).unwrap();
    let run = candor_in(
        dir.path(),
        &[
            "run",
            "src/broken.c",
            "--format",
            "json",
            "--timeout",
            "60s",
        ],
        &[],
    );
    let report = assert_outcome(&run, "failed");
    assert_eq!(run.code, 3);
    let stderr = report["stderr"].as_str().unwrap();
    assert_contains(stderr, "src/broken.c:4:13: error: expected expression");
    assert_contains(
        report["reason"].as_str().unwrap(),
        "the program does not compile: src/broken.c:4:13: error",
    );
}

#[test]
fn an_out_of_bounds_write_fails_with_the_trap_and_the_users_line() {
    let dir = scratch();
    let code = r#"#include <stdio.h>
#include <string.h>

static void fill(char *buffer, int n) {
    memset(buffer, 'x', n);
}

int main(void) {
    printf("before\n");
    fill((char *)0x7ffffff0, 4096);
    printf("after\n");
    return 0;
}
"#;
    let run = run_snippet(dir.path(), "oob.c", code, &[]);
    let report = assert_outcome(&run, "failed");
    assert_eq!(report["stdout"], "before\n");
    let stderr = report["stderr"].as_str().unwrap();
    assert_contains(stderr, "out of bounds memory access");
    assert_contains(stderr, "oob.c:5:");
    assert_contains(report["reason"].as_str().unwrap(), "at line 5");
    assert_eq!(run.code, 3);
}

#[test]
fn limits_hold_for_compiled_programs() {
    let dir = scratch();
    let spin = "int main(void) { volatile unsigned long i = 0; for (;;) i++; }\n";
    let run = run_snippet(dir.path(), "spin.c", spin, &["--fuel", "50000000"]);
    assert_outcome(&run, "fuel_exhausted");
    assert_eq!(run.code, 4);
    let bomb = r#"#include <stdlib.h>
#include <string.h>
int main(void) {
    for (;;) {
        char *p = malloc(1 << 20);
        if (p) memset(p, 1, 1 << 20);
    }
}
"#;
    let run = run_snippet(dir.path(), "bomb.c", bomb, &["--memory", "64MiB"]);
    let report = assert_outcome(&run, "memory_exceeded");
    assert_contains(report["reason"].as_str().unwrap(), "64 MiB");
    assert_eq!(run.code, 4);
    let deep = "int f(int n) { volatile char b[512]; b[0] = (char)n; return n ? f(n - 1) + b[0] : 0; }\n\
                int main(void) { return f(100000000); }\n";
    let run = run_snippet(dir.path(), "deep.c", deep, &[]);
    let report = assert_outcome(&run, "failed");
    assert_contains(report["reason"].as_str().unwrap(), "stack");
    // the repeated frame is said once, with its count
    assert_contains(report["stderr"].as_str().unwrap(), "frames)");
}

#[test]
fn cpp_with_stl_containers_and_sort_runs() {
    let dir = scratch();
    let code = r#"#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main() {
    std::vector<std::string> words{"pear", "apple", "fig", "apple"};
    std::sort(words.begin(), words.end());
    std::map<std::string, int> counts;
    for (const auto &w : words) counts[w]++;
    for (const auto &[word, n] : counts) std::cout << word << '=' << n << ' ';
    std::cout << std::endl;
    return 0;
}
"#;
    let run = run_snippet(dir.path(), "words.cpp", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "apple=2 fig=1 pear=1 \n");
    assert_eq!(report["language"], "cpp");
}

#[test]
fn cpp_that_uses_exceptions_fails_to_compile_and_says_why() {
    let dir = scratch();
    let code = r#"#include <stdexcept>
#include <cstdio>

int main() {
    try {
        throw std::runtime_error("boom");
    } catch (const std::exception &e) {
        std::puts(e.what());
    }
}
"#;
    let run = run_snippet(dir.path(), "throws.cpp", code, &[]);
    let report = assert_outcome(&run, "failed");
    let stderr = report["stderr"].as_str().unwrap();
    assert_contains(
        stderr,
        "throws.cpp:6:9: error: cannot use 'throw' with exceptions disabled",
    );
    assert_contains(stderr, "C++ exceptions are not supported");
}

#[test]
fn cpp_std_atoi_is_watched_too() {
    let dir = scratch();
    let code = r#"#include <cstdlib>
#include <iostream>
#include <string>

int main() {
    std::string price = "twelve";
    int cents = std::atoi(price.c_str()) * 100;
    std::cout << cents << std::endl;
}
"#;
    let run = run_snippet(dir.path(), "price.cpp", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(
        kinds_and_lines(&report),
        vec![("fabricated_value".to_string(), 7)]
    );
}

const ZIG_PARSE: &str = r#"const std = @import("std");

fn parsePort(text: []const u8) u16 {
    return std.fmt.parseInt(u16, text, 10) catch 8080;
}

fn parseCount(text: []const u8) u32 {
    return std.fmt.parseInt(u32, text, 10) catch |err| {
        std.debug.print("bad count: {s}\n", .{@errorName(err)});
        return 0;
    };
}

fn parseRetries(text: []const u8) u8 {
    return std.fmt.parseInt(u8, text, 10) catch 3;
}

pub fn main() void {
    std.debug.print("{d} {d} {d}\n", .{ parsePort("80a"), parseCount("7"), parseRetries("5") });
}
"#;

#[test]
fn a_zig_catch_with_a_constant_is_a_fabricated_value_and_latent_when_it_did_not_fire() {
    let dir = scratch();
    let run = run_snippet(dir.path(), "ports.zig", ZIG_PARSE, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stderr"], "8080 7 5\n");
    assert_eq!(report["language"], "zig");
    assert_eq!(
        kinds_and_lines(&report),
        vec![
            ("fabricated_value".to_string(), 4),
            ("latent_swallow".to_string(), 15)
        ]
    );
    let fired = &report["findings"][0];
    assert_eq!(fired["column"], 44);
    assert_contains(
        fired["message"].as_str().unwrap(),
        "`catch 8080` put 8080 in place of the result after error.InvalidCharacter",
    );
}

#[test]
fn c_cpp_and_zig_are_chosen_by_extension_and_by_lang() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("prog.txt"),
        "int main(void) { return 0; }\n",
    )
    .unwrap();
    let run = candor_in(
        dir.path(),
        &[
            "run",
            "prog.txt",
            "--lang",
            "c",
            "--format",
            "json",
            "--timeout",
            "60s",
        ],
        &[],
    );
    assert_eq!(assert_outcome(&run, "completed")["language"], "c");
    let run = candor_in(dir.path(), &["runtimes"], &[]);
    assert_contains(
        &run.stdout,
        "cpp\textensions: cpp, cc, cxx, c++\truntime: native",
    );
    assert_contains(&run.stdout, "\tcompiled by zig ");
}

/// The zig `candor runtimes` names.
fn zig_path() -> String {
    let run = candor_in(Path::new("."), &["runtimes"], &[]);
    let line = run
        .stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("compiled by zig "))
        .unwrap_or_else(|| panic!("no compiler in:\n{}", run.stdout))
        .to_string();
    line.split_once(" at ").unwrap().1.to_string()
}

/// A zig that logs each `cc` it runs to `log`, then runs the real one.
fn logging_zig(dir: &Path, log: &Path) -> std::path::PathBuf {
    let script = dir.join("zig-logged");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\n[ \"$1\" = cc ] && echo cc >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            zig_path()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

/// A C program no other run compiled.
fn unique_program() -> String {
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("#include <stdio.h>\n/* {nonce} */\nint main(void) {{ puts(\"ok\"); return 0; }}\n")
}

/// Runs a small program through `zig` once (so that a first use of this
/// zig, which builds its libraries, is not counted), then empties `log`.
fn warm(dir: &Path, zig: &Path, log: &Path) {
    std::fs::write(dir.join("warm.c"), "int main(void) { return 0; }\n").unwrap();
    let run = candor_in(
        dir,
        &["run", "warm.c", "--format", "json", "--timeout", "60s"],
        &[
            ("CANDOR_ZIG", zig.to_str().unwrap()),
            ("CANDOR_UNCONFINED_COMPILER", "1"),
        ],
    );
    assert_outcome(&run, "completed");
    let _ = std::fs::remove_file(log);
}

fn compiles_logged(log: &Path) -> usize {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .count()
}

#[test]
fn the_second_run_of_a_program_takes_it_from_the_compile_cache() {
    let dir = scratch();
    let log = dir.path().join("compiles.log");
    let zig = logging_zig(dir.path(), &log);
    warm(dir.path(), &zig, &log);
    std::fs::write(dir.path().join("once.c"), unique_program()).unwrap();
    for _ in 0..2 {
        let run = candor_in(
            dir.path(),
            &["run", "once.c", "--format", "json", "--timeout", "60s"],
            &[
                ("CANDOR_ZIG", zig.to_str().unwrap()),
                // a shell script cannot run in the compiler's jail
                ("CANDOR_UNCONFINED_COMPILER", "1"),
            ],
        );
        assert_eq!(assert_outcome(&run, "completed")["stdout"], "ok\n");
    }
    assert_eq!(compiles_logged(&log), 1);
}

#[test]
fn parallel_first_runs_of_one_program_compile_it_once() {
    let dir = scratch();
    let log = dir.path().join("compiles.log");
    let zig = logging_zig(dir.path(), &log);
    warm(dir.path(), &zig, &log);
    std::fs::write(dir.path().join("same.c"), unique_program()).unwrap();
    let runs: Vec<std::process::Child> = (0..4)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
                .args(["run", "same.c", "--format", "json", "--timeout", "60s"])
                .current_dir(dir.path())
                .env("CANDOR_ZIG", &zig)
                .env("CANDOR_UNCONFINED_COMPILER", "1")
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let output = run.wait_with_output().unwrap();
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["stdout"], "ok\n", "{report:#}");
    }
    assert_eq!(compiles_logged(&log), 1);
}

#[test]
fn a_missing_zig_is_an_error_that_says_how_to_get_one() {
    let dir = scratch();
    std::fs::write(dir.path().join("x.c"), "int main(void) { return 0; }\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["run", "x.c"],
        &[("CANDOR_ZIG", "/nonexistent/zig")],
    );
    assert_ne!(run.code, 0);
    assert_contains(&run.stderr, "CANDOR_ZIG");
    assert_contains(&run.stderr, "pip install ziglang==");
}

#[test]
fn check_runs_c_cpp_and_zig_from_a_folder_and_from_json_lines() {
    let dir = scratch();
    let folder = dir.path().join("snippets");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("bad.c"),
        "#include <stdlib.h>\nint main(void) { return atoi(\"x\"); }\n",
    )
    .unwrap();
    std::fs::write(folder.join("good.cpp"), "int main() { return 0; }\n").unwrap();
    std::fs::write(folder.join("good.zig"), "pub fn main() void {}\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["check", "snippets", "--format", "json", "--timeout", "60s"],
        &[],
    );
    let summary: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut seen: Vec<(String, usize)> = summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_string(),
                r["findings"].as_array().unwrap().len(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            ("snippets/bad.c".to_string(), 1),
            ("snippets/good.cpp".to_string(), 0),
            ("snippets/good.zig".to_string(), 0)
        ],
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
    let lines = concat!(
        r##"{"id": "c", "language": "c", "code": "#include <stdio.h>\nint main(void) { int x; return scanf(\"%d\", &x) == 1 ? x : 9; }\n", "stdin": "5"}"##,
        "\n",
        r#"{"id": "z", "language": "zig", "code": "pub fn main() u8 { return 4; }\n"}"#,
        "\n"
    );
    std::fs::write(dir.path().join("in.jsonl"), lines).unwrap();
    let run = candor_in(
        dir.path(),
        &["check", "--jsonl", "in.jsonl", "--timeout", "60s"],
        &[],
    );
    let answers: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 2, "{}", run.stdout);
    for answer in &answers {
        let want = if answer["id"] == "c" { 5 } else { 4 };
        assert_eq!(answer["exit_code"], want, "{answer:#}");
    }
}

#[test]
fn any_exit_status_is_an_exit_with_that_status() {
    let dir = scratch();
    for (status, code) in [("-1", -1), ("200", 200), ("3", 3)] {
        let source = format!("#include <stdlib.h>\nint main(void) {{ exit({status}); }}\n");
        let run = run_snippet(dir.path(), "status.c", &source, &[]);
        let report = assert_outcome(&run, "failed");
        assert_eq!(report["exit_code"], code, "{report:#}");
        assert_contains(
            report["reason"].as_str().unwrap(),
            &format!("status {code}"),
        );
    }
}

#[test]
fn compiler_warnings_that_mean_a_wrong_value_are_info_findings_at_their_line() {
    let dir = scratch();
    let code = r#"#include <stdio.h>

int sign(int x) {
    if (x > 0) return 1;
    if (x < 0) return -1;
}

int main(void) {
    int unused = 3;
    printf("%d\n", 2.5);
    return sign(1) - 1;
}
"#;
    let run = run_snippet(dir.path(), "warned.c", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(
        kinds_and_lines(&report),
        vec![
            ("compiler_warning".to_string(), 6),
            ("compiler_warning".to_string(), 10)
        ]
    );
    assert_contains(
        report["findings"][1]["message"].as_str().unwrap(),
        "[-Wformat]",
    );
    // info: not at or above the default --fail-on warning
    assert_eq!(run.code, 0);
    let run = candor_in(dir.path(), &["--explain", "compiler_warning"], &[]);
    assert_contains(&run.stdout, "# compiler_warning (CWE-758)");
}

#[test]
fn a_compile_past_the_time_limit_is_stopped_and_times_out() {
    let dir = scratch();
    // the preprocessor doubles a token 26 times: 67 million tokens
    let mut code = String::from("#define A0 x+\n");
    for i in 1..=26 {
        code.push_str(&format!("#define A{i} A{} A{}\n", i - 1, i - 1));
    }
    code.push_str(&format!(
        "int x = 1;\nint main(void) {{ return A26 0; }}\n/* {:?} */\n",
        std::time::SystemTime::now()
    ));
    let started = std::time::Instant::now();
    let run = run_snippet(dir.path(), "slow.c", &code, &["--timeout", "2s"]);
    let report = assert_outcome(&run, "timed_out");
    assert_contains(
        report["reason"].as_str().unwrap(),
        "while compiling the program on the host",
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(run.code, 4);
}

#[test]
fn a_program_with_its_own_atoi_compiles_and_uses_it() {
    let dir = scratch();
    let code = r#"#include <stdio.h>

int atoi(const char *s) {
    int n = 0;
    while (*s >= '0' && *s <= '9') n = n * 10 + (*s++ - '0');
    return n + 1000;
}

int main(void) {
    printf("%d\n", atoi("n/a"));
    return 0;
}
"#;
    let run = run_snippet(dir.path(), "own.c", code, &[]);
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "1000\n");
    assert_eq!(kinds_and_lines(&report), vec![]);
}

#[test]
fn the_compiler_cannot_read_the_hosts_files() {
    let dir = scratch();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "host-secret-4711\n").unwrap();
    let path = secret.display().to_string();
    let attempts = [
        (
            "include.c",
            format!("#include <stdio.h>\nint main(void) {{ return 0; }}\n#include \"{path}\"\n"),
        ),
        (
            "embed.c",
            format!(
                "#include <stdio.h>\nstatic const char d[] = {{\n#embed \"{path}\"\n, 0}};\n\
                 int main(void) {{ printf(\"%s\", d); return 0; }}\n"
            ),
        ),
        (
            "incbin.c",
            format!(
                "#include <stdio.h>\n__asm__(\".section .data.leak,\\\"\\\",@\\n.globl leak\\nleak:\\n\
                 .incbin \\\"{path}\\\"\\n.int8 0\\n\");\nextern const char leak[];\n\
                 int main(void) {{ printf(\"%s\", leak); return 0; }}\n"
            ),
        ),
    ];
    for (name, code) in attempts {
        let run = run_snippet(dir.path(), name, &code, &[]);
        let report = run.json();
        assert_ne!(report["outcome"], "completed", "{name}: {report:#}");
        let everything = format!("{}{}{}", run.stdout, run.stderr, report);
        assert!(
            !everything.contains("host-secret-4711"),
            "{name} read the file: {everything}"
        );
        assert_contains(report["stderr"].as_str().unwrap(), "secret.txt");
    }
}

#[test]
fn arguments_environment_and_mounts_reach_a_c_program() {
    let dir = scratch();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("rows.txt"), "3\n").unwrap();
    let code = r#"#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    FILE *f = fopen("/data/rows.txt", "r");
    int rows = 0;
    if (!f || fscanf(f, "%d", &rows) != 1) return 2;
    printf("%s %s %d\n", argc > 1 ? argv[1] : "-", getenv("MODE"), rows);
    return 0;
}
"#;
    let mount = format!("{}:/data", data.display());
    let run = run_snippet(
        dir.path(),
        "args.c",
        code,
        &["--arg", "first", "--env", "MODE=fast", "--mount", &mount],
    );
    let report = assert_outcome(&run, "completed");
    assert_eq!(report["stdout"], "first fast 3\n");
}
