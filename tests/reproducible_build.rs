//! The shim that the build preloads into componentize-py
//! (`build/python/preinit_shim.c`, see `build/python/reproducible.rs`): what a process it is
//! loaded into reads for randomness, clocks and file times. A small C program
//! reads them through libc, as wasmtime-wasi does, in two runs.
//!
//! Linux with glibc only, as in the build; needs a C compiler (`cc`, or `CC`).
//! That two whole builds agree is checked by `benches/reproducible_build.py`.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The epoch the probe runs are given, as the build gives its own.
const EPOCH: u64 = 1_234_567_890;

const PROBE: &str = r#"
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>

static void monotonic(const char *who) {
    for (int i = 0; i < 2; i++) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        printf("%s monotonic %lld.%09ld\n", who, (long long)ts.tv_sec, ts.tv_nsec);
    }
}

static void *other_thread(void *arg) {
    (void)arg;
    monotonic("thread");
    return NULL;
}

int main(int argc, char **argv) {
    (void)argc;
    unsigned char bytes[20];
    getrandom(bytes, sizeof bytes, 0);
    printf("random ");
    for (unsigned i = 0; i < sizeof bytes; i++) printf("%02x", bytes[i]);
    printf("\n");
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    printf("realtime %lld.%09ld\n", (long long)now.tv_sec, now.tv_nsec);
    monotonic("main");
    pthread_t thread;
    pthread_create(&thread, NULL, other_thread, NULL);
    pthread_join(thread, NULL);
    struct statx st;
    statx(AT_FDCWD, argv[1], 0, STATX_BASIC_STATS | STATX_BTIME, &st);
    printf("file size %llu mtime %lld atime %lld ctime %lld btime %lld\n",
           (unsigned long long)st.stx_size, (long long)st.stx_mtime.tv_sec,
           (long long)st.stx_atime.tv_sec, (long long)st.stx_ctime.tv_sec,
           (long long)st.stx_btime.tv_sec);
    return 0;
}
"#;

fn compile(args: &[&std::ffi::OsStr], what: &str) {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let output = Command::new(&cc)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running {cc} for {what}: {e}"));
    assert!(
        output.status.success(),
        "compiling {what}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Builds the shim and the probe in `dir`; returns their paths.
fn build(dir: &Path) -> (PathBuf, PathBuf) {
    let shim = dir.join("shim.so");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("build/python/preinit_shim.c");
    compile(
        &[
            "-shared".as_ref(),
            "-fPIC".as_ref(),
            "-O2".as_ref(),
            "-o".as_ref(),
            shim.as_os_str(),
            source.as_os_str(),
            "-ldl".as_ref(),
        ],
        "build/python/preinit_shim.c",
    );
    let probe_c = dir.join("probe.c");
    std::fs::write(&probe_c, PROBE).unwrap();
    let probe = dir.join("probe");
    compile(
        &[
            "-O2".as_ref(),
            "-pthread".as_ref(),
            "-o".as_ref(),
            probe.as_os_str(),
            probe_c.as_os_str(),
        ],
        "the probe",
    );
    (shim, probe)
}

fn run(probe: &Path, shim: &Path, file: &Path) -> String {
    let output = Command::new(probe)
        .arg(file)
        .env("LD_PRELOAD", shim)
        .env("CANDOR_BUILD_EPOCH", EPOCH.to_string())
        .output()
        .expect("running the probe");
    assert!(output.status.success(), "probe: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The shim's byte stream: SplitMix64 from a fixed state, little-endian words.
fn fixed_bytes(len: usize) -> String {
    let mut state: u64 = 0x6361_6e64_6f72;
    let mut bytes = Vec::new();
    while bytes.len() < len {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        bytes.extend_from_slice(&z.to_le_bytes());
    }
    bytes[..len].iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn preloaded_shim_fixes_randomness_clocks_and_file_times() {
    let dir = tempfile::tempdir().unwrap();
    let (shim, probe) = build(dir.path());
    let file = dir.path().join("file.txt");
    std::fs::write(&file, "twelve bytes").unwrap();

    let first = run(&probe, &shim, &file);
    let expected = format!(
        "random {}\n\
         realtime {EPOCH}.000000000\n\
         main monotonic 1000.000001000\n\
         main monotonic 1000.000002000\n\
         thread monotonic 1000.000001000\n\
         thread monotonic 1000.000002000\n\
         file size 12 mtime {EPOCH} atime {EPOCH} ctime {EPOCH} btime {EPOCH}\n",
        fixed_bytes(20)
    );
    assert_eq!(first, expected);
    std::fs::write(&file, "fourteen bytes").unwrap();
    let second = run(&probe, &shim, &file);
    assert_eq!(second, expected.replace("size 12", "size 14"));
}
