//! Fuzzes the renderers for a bounded time on a stable toolchain: random
//! reports, findings made up directly and findings from random guest fact
//! streams (through the real fact parser and rules), rendered as text, check
//! text, GitHub annotations, JUnit, SARIF and JSON. Fails on a panic, a
//! control character that reaches text output raw, or a rendering that does
//! not parse back.
//!
//! `cargo bench --bench fuzz_render -- [SECONDS]` (default 30, or
//! `FUZZ_RENDER_SECONDS`); `FUZZ_RENDER_SEED=N` replays one seed. Not run in
//! CI: `tests/hardening_report.rs` runs a fixed 2 000 seeds of it.

#[path = "../tests/fuzz_render/mod.rs"]
mod fuzz_render;

use std::time::{Duration, Instant};

fn main() {
    if let Some(seed) = std::env::var("FUZZ_RENDER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        fuzz_render::round(seed);
        println!("fuzz_render: seed {seed} passes");
        return;
    }
    let seconds: f64 = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .or_else(|| std::env::var("FUZZ_RENDER_SECONDS").ok())
        .map_or(30.0, |s| {
            s.parse()
                .unwrap_or_else(|_| panic!("fuzz_render: {s:?} is not a number of seconds"))
        });
    let budget = Duration::from_secs_f64(seconds.clamp(0.0, 86_400.0));
    // a different stretch of seeds on every invocation, printed so a failure replays
    let start = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    println!("fuzz_render: seeds from {start}, for {seconds} s");
    let began = Instant::now();
    let mut done = 0u64;
    while began.elapsed() < budget {
        done += fuzz_render::rounds((0..500).map(|i| start.wrapping_add(done + i)));
    }
    println!(
        "fuzz_render: {done} rounds in {:.1} s, no failure",
        began.elapsed().as_secs_f64()
    );
}
