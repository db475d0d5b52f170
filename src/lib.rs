//! candor runs untrusted, machine-generated code inside a WebAssembly sandbox
//! under fuel, memory, time and output limits, and reports the failures such
//! code hides: exceptions caught and thrown away, and made-up values returned in
//! place of real results.
//!
//! ```no_run
//! use candor::{Sandbox, Snippet};
//!
//! let sandbox = Sandbox::builder().build()?;
//! let snippet = Snippet::python("try:\n    int('x')\nexcept ValueError:\n    pass\n");
//! let report = sandbox.run_blocking(&snippet)?;
//! for finding in &report.findings {
//!     println!("{}:{}: {}", finding.file, finding.line, finding.message);
//! }
//! # Ok::<(), candor::Error>(())
//! ```

#![warn(missing_docs)]

pub mod detect;
mod error;
mod kinds;
pub mod probe;
pub mod report;
mod runtimes;
mod sandbox;

pub use error::{Error, Result};
pub use report::{
    ExceptionInfo, Finding, FindingKind, MAX_STRICT_RUNS, Outcome, ProbeCalls, ProbeStop,
    REPORT_SCHEMA, RaisedOn, Report, RuntimeInfo, Severity, StrictCheck, StrictEffect, ValueInfo,
};
pub use runtimes::{DEFAULT_MOUNT_POINT, Language, Mount, Snippet, runtime_languages};
pub use runtimes::{
    INSTALL_PYTHON_ENV, InstallStep, OptionalRuntime, install_runtime, optional_runtimes,
    remove_runtime,
};
pub use runtimes::{MAX_SOURCE_BYTES, read_input_file};
pub use sandbox::{
    CACHE_DIR_ENV, CompileNotice, Limits, MAX_CONCURRENT_RUNS, MAX_GUEST_MEMORY, Sandbox,
    SandboxBuilder, default_cache_dir,
};
