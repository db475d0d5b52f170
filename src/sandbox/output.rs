//! Captured guest output that keeps the first N bytes and drops the rest.
//!
//! wasmtime-wasi's `MemoryOutputPipe` traps the guest when it is full; a flood of
//! output should instead be cut and reported as `truncated` while the run goes on.

use bytes::Bytes;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::AsyncWrite;
use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamResult};

/// A stdout or stderr capture with a byte cap. Clones share the same buffer.
#[derive(Clone)]
pub(crate) struct CappedOutput {
    inner: Arc<Mutex<Captured>>,
}

#[derive(Default)]
struct Captured {
    bytes: Vec<u8>,
    cap: usize,
    truncated: bool,
}

/// Bytes accepted in one write permit: more than a 32-bit guest can write at
/// once. A guest's libc may write only what one permit allows and report a
/// short write, which an unbuffered writer does not retry: a smaller permit
/// would silently lose the rest of a large write. Bytes past the cap are
/// dropped here and counted as truncation, so a large permit costs no host
/// memory.
const PERMIT: usize = u32::MAX as usize;

impl CappedOutput {
    pub(crate) fn new(cap: usize) -> Self {
        CappedOutput {
            inner: Arc::new(Mutex::new(Captured {
                bytes: Vec::new(),
                cap,
                truncated: false,
            })),
        }
    }

    /// Sets the byte cap (for a capture made before its run's limits were known).
    pub(crate) fn set_cap(&self, cap: usize) {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).cap = cap;
    }

    fn accept(&self, data: &[u8]) {
        let mut c = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let room = c.cap.saturating_sub(c.bytes.len());
        if data.len() > room {
            c.truncated = true;
        }
        let keep = data.len().min(room);
        c.bytes.extend_from_slice(&data[..keep]);
    }

    /// The bytes kept so far and whether any were dropped.
    pub(crate) fn take(&self) -> (Vec<u8>, bool) {
        let mut c = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        (std::mem::take(&mut c.bytes), c.truncated)
    }
}

impl IsTerminal for CappedOutput {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for CappedOutput {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }
    fn async_stream(&self) -> Box<dyn AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

#[async_trait::async_trait]
impl Pollable for CappedOutput {
    async fn ready(&mut self) {}
}

impl OutputStream for CappedOutput {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        self.accept(&bytes);
        Ok(())
    }
    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }
    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(PERMIT)
    }
}

impl AsyncWrite for CappedOutput {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.accept(buf);
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_bytes_and_marks_truncation() {
        let mut out = CappedOutput::new(5);
        out.write(Bytes::from_static(b"abc")).unwrap();
        assert_eq!(out.take(), (b"abc".to_vec(), false));
        out.write(Bytes::from_static(b"defgh")).unwrap();
        out.write(Bytes::from_static(b"ijk")).unwrap();
        let (kept, truncated) = out.take();
        assert_eq!(kept, b"defgh");
        assert!(truncated);
    }
}
