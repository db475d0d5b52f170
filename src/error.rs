//! The errors candor's library returns.

use std::path::PathBuf;

/// What can go wrong before or around a run. A snippet that fails, or hits a
/// limit, is not an error: it is a [`Report`](crate::Report) with an outcome.
///
/// New variants may be added; a `match` needs a `_` arm (the CLI treats any
/// but [`Error::BadInput`] and [`Error::BadOption`] as candor's own failure).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input cannot be run: unreadable, not UTF-8, or of an unknown language.
    #[error("{0}")]
    BadInput(String),
    /// A limit or option value is malformed.
    #[error("{0}")]
    BadOption(String),
    /// The compiled-code cache could not be read or written.
    #[error("compile cache {path}: {message}")]
    Cache {
        /// The cache file or directory involved.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A host-side operation around a run failed: creating its scratch or
    /// program directory, writing the program for the guest. Not the input's
    /// fault (the machine's: a full disk, a missing temporary directory).
    #[error("{0}")]
    Io(String),
    /// A bug in candor itself (for example, instrumentation that failed on a
    /// construct it does not know); the message says where.
    #[error("internal error: {0}")]
    Internal(String),
    /// The WebAssembly engine failed outside the guest's control.
    #[error("{context}: {source:#}")]
    Engine {
        /// What candor was doing.
        context: String,
        /// The engine's error.
        #[source]
        source: wasmtime::Error,
    },
}

impl Error {
    pub(crate) fn engine(context: impl Into<String>, source: wasmtime::Error) -> Self {
        Error::Engine {
            context: context.into(),
            source,
        }
    }
}

/// `Result` with candor's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
