//! The process's standard input, read to its end with a cap on its size, and
//! with a deadline when it is read without being asked for.

use super::exit::Exit;
use candor::Limits;
use std::io::Read;
use std::time::Duration;

/// Reads `reader` to its end; more than `cap` bytes is an error naming `what`
/// the bytes are for (its cap is "the most candor reads for WHAT").
fn read_capped(reader: impl Read, cap: u64, what: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > cap {
        return Err(format!(
            "larger than {}, the most candor reads for {what}",
            Limits::format_size(cap)
        ));
    }
    Ok(bytes)
}

/// Reads the process's stdin to its end, at most `cap` bytes for `what`.
pub(crate) fn read(cap: u64, what: &str) -> Result<Vec<u8>, Exit> {
    read_capped(std::io::stdin().lock(), cap, what)
        .map_err(|why| Exit::usage(format!("reading the standard input: {why}")))
}

/// Reads the process's stdin like [`read`], but gives up when it has not
/// ended after `deadline`: stdin that is an idle pipe nobody closes must not
/// hold the run forever when it was not asked for.
pub(crate) fn read_within(cap: u64, what: &str, deadline: Duration) -> Result<Vec<u8>, Exit> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let what_owned = what.to_string();
    // the thread is left blocked in its read when the deadline passes; the
    // process ends without waiting for it
    std::thread::spawn(move || {
        let _ = sender.send(read_capped(std::io::stdin().lock(), cap, &what_owned));
    });
    match receiver.recv_timeout(deadline) {
        Ok(read) => read.map_err(|why| Exit::usage(format!("reading the standard input: {why}"))),
        Err(_) => Err(Exit::usage(format!(
            "the standard input, which is passed to the guest, did not end within {}; \
             pass --stdin FILE, --stdin - to wait for it, or </dev/null",
            humantime::format_duration(deadline)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_cap() {
        assert_eq!(read_capped(&b"abc"[..], 3, "x").unwrap(), b"abc");
        assert_eq!(
            read_capped(&b"abcd"[..], 3, "the test").unwrap_err(),
            "larger than 3 bytes, the most candor reads for the test"
        );
        assert_eq!(
            read_capped(std::io::repeat(0), 1 << 20, "the test").unwrap_err(),
            "larger than 1 MiB, the most candor reads for the test"
        );
    }
}
