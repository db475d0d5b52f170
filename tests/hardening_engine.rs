//! Limits the engine holds whatever the guest does: output arrives whole up to
//! the cap, the scratch quota counts every write, open descriptors are capped
//! per run, and a flood of facts cannot grow the host.

mod common;

use common::{assert_contains, candor_in, run_snippet, scratch};

const KIB: usize = 1 << 10;
const MIB: usize = 1 << 20;

/// Single writes around the old 64 KiB permit and the 1 MiB cap, in Python:
/// everything below the cap arrives, and `truncated` is true exactly when
/// bytes were dropped.
#[test]
fn python_writes_arrive_whole_up_to_the_cap() {
    let dir = scratch();
    for size in [64 * KIB - 1, 64 * KIB, 64 * KIB + 1, MIB - 1, MIB, MIB + 1] {
        let code =
            format!("import sys\nsys.stdout.write('y' * {size})\nsys.stderr.write('e' * {size})\n");
        let r = run_snippet(dir.path(), "write.py", &code, &[]).json();
        assert_eq!(r["outcome"], "completed", "{size}: {}", r["stderr"]);
        let kept = size.min(MIB);
        assert_eq!(
            r["stdout"].as_str().unwrap().len(),
            kept,
            "stdout of a {size}-byte write"
        );
        assert_eq!(
            r["stderr"].as_str().unwrap().len(),
            kept,
            "stderr of a {size}-byte write"
        );
        assert_eq!(
            r["truncated"],
            size > MIB,
            "truncated for a {size}-byte write"
        );
    }
}

/// The same through print(), which is how the loss was first seen.
#[test]
fn a_100_000_byte_print_arrives_whole() {
    let dir = scratch();
    let r = run_snippet(dir.path(), "p.py", "print('y' * 100_000)\n", &[]).json();
    assert_eq!(r["stdout"].as_str().unwrap().len(), 100_001);
    assert_eq!(r["truncated"], false);
}

/// Single writes around 64 KiB and 1 MiB in JavaScript (console.log adds the newline).
#[test]
fn javascript_writes_arrive_whole_up_to_the_cap() {
    let dir = scratch();
    for size in [64 * KIB - 1, 64 * KIB, 64 * KIB + 1, MIB - 1, MIB, MIB + 1] {
        let code = format!(
            "console.log('y'.repeat({}));\nconsole.error('e'.repeat({}));\n",
            size - 1,
            size - 1
        );
        let r = run_snippet(dir.path(), "write.js", &code, &[]).json();
        assert_eq!(r["outcome"], "completed", "{size}: {}", r["stderr"]);
        let kept = size.min(MIB);
        assert_eq!(
            r["stdout"].as_str().unwrap().len(),
            kept,
            "stdout of a {size}-byte write"
        );
        assert_eq!(
            r["stderr"].as_str().unwrap().len(),
            kept,
            "stderr of a {size}-byte write"
        );
        assert_eq!(
            r["truncated"],
            size > MIB,
            "truncated for a {size}-byte write"
        );
    }
}

/// A file unlinked while open is invisible to a directory walk, but its writes
/// still count against the scratch quota.
#[test]
fn writing_through_an_unlinked_file_hits_the_quota() {
    let dir = scratch();
    let code = "import os\nf = open('hidden.bin', 'wb')\nos.unlink('hidden.bin')\n\
                chunk = b'x' * (1 << 20)\nfor i in range(400):\n    f.write(chunk)\n    f.flush()\n\
                print('wrote 400 MiB')\n";
    let run = run_snippet(dir.path(), "unlinked.py", code, &["--memory", "128MiB"]);
    assert_eq!(run.code, 4, "{}", run.stdout);
    let r = run.json();
    assert_eq!(r["outcome"], "memory_exceeded");
    assert_contains(
        r["reason"].as_str().unwrap(),
        "scratch directory's quota of 128 MiB",
    );
    assert_eq!(r["stdout"], "");
}

/// Files deeper than a host path can name are counted like any other.
#[test]
fn writing_below_path_max_depth_hits_the_quota() {
    let dir = scratch();
    // 300 levels of 20 characters: a path of 6 300 bytes, past PATH_MAX
    let code = "import os\nfd = os.open('.', os.O_RDONLY)\nfor i in range(300):\n    \
                os.mkdir('d' * 20, dir_fd=fd)\n    nfd = os.open('d' * 20, os.O_RDONLY, dir_fd=fd)\n    \
                os.close(fd)\n    fd = nfd\n\
                w = os.open('deep.bin', os.O_WRONLY | os.O_CREAT, dir_fd=fd)\n\
                chunk = b'x' * (1 << 20)\nwith open(w, 'wb') as f:\n    for i in range(400):\n        f.write(chunk)\n\
                print('wrote 400 MiB at depth 300')\n";
    let run = run_snippet(dir.path(), "deep.py", code, &["--memory", "128MiB"]);
    assert_eq!(run.code, 4, "{}", run.stdout);
    let r = run.json();
    assert_eq!(r["outcome"], "memory_exceeded");
    assert_contains(r["reason"].as_str().unwrap(), "quota of 128 MiB");
}

/// Writing below the quota, deleting and writing again is fine while the total stays below it.
#[test]
fn ordinary_file_work_stays_within_the_quota() {
    let dir = scratch();
    let code = "import os, json\nfor i in range(50):\n    with open(f'f{i}.json', 'w') as f:\n        json.dump({'i': i, 'pad': 'x' * 10000}, f)\n\
                total = sum(json.load(open(f'f{i}.json'))['i'] for i in range(50))\n\
                for i in range(50):\n    os.remove(f'f{i}.json')\nprint(total, os.listdir('.'))\n";
    let r = run_snippet(dir.path(), "files.py", code, &[]).json();
    assert_eq!(r["outcome"], "completed", "{}", r["stderr"]);
    assert_eq!(r["stdout"], "1225 []\n");
}

/// Creating more than 100 000 entries stops the run with a reason that counts entries, not bytes.
#[test]
fn creating_too_many_entries_is_stopped() {
    let dir = scratch();
    let code = "import os\nfor i in range(200_000):\n    open(f'{i}', 'w').close()\nprint('made them all')\n";
    let run = run_snippet(dir.path(), "entries.py", code, &["--timeout", "60s"]);
    assert_eq!(run.code, 4, "{}", run.stdout);
    let r = run.json();
    assert_eq!(r["outcome"], "memory_exceeded");
    let reason = r["reason"].as_str().unwrap();
    assert_contains(reason, "more than 100000 files and directories");
    assert!(!reason.contains("bytes"), "{reason}");
}

/// Holding thousands of files open ends the run that does it; another run in
/// the same `check` still opens and writes its files.
#[test]
fn open_descriptors_are_capped_per_run() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("hog.py"),
        "files = []\nfor i in range(20_000):\n    files.append(open('same.txt', 'w'))\nprint('held', len(files))\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("worker.py"),
        "import time\ntime.sleep(0.2)\nfor i in range(200):\n    with open(f'w{i}.txt', 'w') as f:\n        f.write('ok')\n\
         print(sum(open(f'w{i}.txt').read() == 'ok' for i in range(200)))\n",
    )
    .unwrap();
    let run = candor_in(
        dir.path(),
        &[
            "check",
            "hog.py",
            "worker.py",
            "--jobs",
            "2",
            "--format",
            "json",
        ],
        &[],
    );
    let r: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let reports = r["reports"].as_array().unwrap();
    let hog = &reports[0];
    assert_eq!(hog["outcome"], "memory_exceeded", "{hog}");
    assert_contains(hog["reason"].as_str().unwrap(), "files open at once");
    let worker = &reports[1];
    assert_eq!(worker["outcome"], "completed", "{worker}");
    assert_eq!(worker["stdout"], "200\n");
}

/// A snippet that calls the fact channel millions of times is held to the
/// fact log's cap (the report says facts were dropped) and the host stays small.
#[test]
fn a_flood_of_facts_is_capped() {
    let dir = scratch();
    let code =
        "import wit_world\nfor i in range(1_000_000):\n    wit_world.emit('')\nprint('done')\n";
    let run = run_snippet(
        dir.path(),
        "facts.py",
        code,
        &["--memory", "64MiB", "--timeout", "60s"],
    );
    let r = run.json();
    assert_eq!(r["stdout"], "done\n", "{}", r["stderr"]);
    assert_eq!(r["instrumentation_tampered"], true);
    let tampering = r["tampering"].to_string();
    assert_contains(&tampering, "facts over the size cap were dropped");
}
