//! A guest's stdin whose bytes are given after the guest was instantiated, so
//! that an instance made ready ahead of time can still read its run's input.

use bytes::Bytes;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, ReadBuf};
use wasmtime_wasi::cli::{IsTerminal, StdinStream};
use wasmtime_wasi::p2::{InputStream, Pollable, StreamError};

/// Stdin that reads what [`LateInput::set`] gave it, then ends. Clones share
/// the same bytes and position, as every handle to one stdin must.
#[derive(Clone, Default)]
pub(crate) struct LateInput {
    unread: Arc<Mutex<Bytes>>,
}

impl LateInput {
    /// Replaces what is left to read with `bytes`.
    pub(crate) fn set(&self, bytes: impl Into<Bytes>) {
        *self.unread.lock().unwrap_or_else(|p| p.into_inner()) = bytes.into();
    }

    /// Takes up to `size` unread bytes (empty at the end).
    fn next(&self, size: usize) -> Bytes {
        let mut unread = self.unread.lock().unwrap_or_else(|p| p.into_inner());
        let size = size.min(unread.len());
        unread.split_to(size)
    }
}

impl IsTerminal for LateInput {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdinStream for LateInput {
    fn p2_stream(&self) -> Box<dyn InputStream> {
        Box::new(self.clone())
    }
    fn async_stream(&self) -> Box<dyn AsyncRead + Send + Sync> {
        Box::new(self.clone())
    }
}

#[async_trait::async_trait]
impl Pollable for LateInput {
    async fn ready(&mut self) {}
}

impl InputStream for LateInput {
    fn read(&mut self, size: usize) -> Result<Bytes, StreamError> {
        let read = self.next(size);
        if read.is_empty() && size > 0 {
            return Err(StreamError::Closed);
        }
        Ok(read)
    }
}

impl AsyncRead for LateInput {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let read = self.next(buf.remaining());
        buf.put_slice(&read);
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_was_set_later_then_ends() {
        let input = LateInput::default();
        let mut stream = input.p2_stream();
        input.set(b"abcde".to_vec());
        assert_eq!(stream.read(3).unwrap(), Bytes::from_static(b"abc"));
        assert_eq!(input.clone().read(10).unwrap(), Bytes::from_static(b"de"));
        assert!(matches!(stream.read(1), Err(StreamError::Closed)));
    }
}
