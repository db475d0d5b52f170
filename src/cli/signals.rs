//! SIGINT and SIGTERM end the command like an exit does, so that the runs'
//! temporary directories are removed, with the shell's codes (130, 143).

/// Starts a thread that waits for SIGINT or SIGTERM and then exits the process
/// with 128 + the signal's number. Without it the signal would kill the
/// process and leave its temporary directories to the next candor's sweep.
#[cfg(unix)]
pub(crate) fn exit_cleanly_on_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("candor-signals".to_string())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // exit() runs the library's exit cleanup, which removes them
                std::process::exit(128 + signal);
            }
        });
}

#[cfg(not(unix))]
pub(crate) fn exit_cleanly_on_signals() {}
