//! The `candor` command: a thin layer over the library.

mod cli;

fn main() -> std::process::ExitCode {
    raise_open_file_limit();
    cli::main()
}

/// Raises the soft limit on open files to the hard limit. Every file a guest
/// holds open is a descriptor of this process; `check` runs many guests at
/// once, each capped to a few hundred, and the usual soft limit of 1024 would
/// let a few of them starve the others.
#[cfg(target_os = "linux")]
fn raise_open_file_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed;
    // a failure leaves the limit as it was.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn raise_open_file_limit() {}
