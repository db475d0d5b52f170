//! The resource limits every run is held to.

use crate::error::{Error, Result};
use std::time::Duration;

/// CPython in the sandbox burns about 1e10 fuel units per second of guest CPU on
/// a current x86-64 core (measured: 1.1e10 on `sum(i*i for i in range(3_000_000))`).
const FUEL_PER_SECOND: u64 = 10_000_000_000;

/// The limits of one run. The defaults (see [`Limits::default`]) fit a snippet
/// that takes up to ~10 s of CPU and 512 MiB of memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Fuel: the deterministic CPU budget, in WebAssembly instructions (roughly).
    /// Default: 100 000 000 000, about 10 s of CPython on one core.
    pub fuel: u64,
    /// Wall-clock limit for the whole run, including time the guest sleeps. Default: 10 s.
    pub timeout: Duration,
    /// Largest linear memory the guest may grow to, in bytes. Default: 512 MiB.
    pub memory: u64,
    /// Bytes of stdout and of stderr kept, each; the rest is dropped and the
    /// report says `truncated`. Default: 1 MiB.
    pub max_output: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            fuel: 10 * FUEL_PER_SECOND,
            timeout: Duration::from_secs(10),
            memory: 512 << 20,
            max_output: 1 << 20,
        }
    }
}

impl Limits {
    /// The smallest memory limit a run may have. Below it even the tables a
    /// runtime declares do not fit, and instantiation would fail with a trap
    /// instead of a report; a runtime whose initial memory is larger still ends
    /// `memory_exceeded`.
    pub const MIN_MEMORY: u64 = 1 << 20;
    /// The longest wall-clock limit a run may have: one day. A longer one is
    /// almost certainly a typo, and deadlines past it would only risk overflow.
    pub const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);
    /// The largest `max_output` a run may have: 1 GiB each for stdout and
    /// stderr, which the host holds in memory until the report is made.
    pub const MAX_OUTPUT: u64 = 1 << 30;

    /// Checks that the limits can be enforced: every one positive, memory from
    /// [`Limits::MIN_MEMORY`] to [`MAX_GUEST_MEMORY`](super::engine::MAX_GUEST_MEMORY),
    /// timeout at most [`Limits::MAX_TIMEOUT`], output at most [`Limits::MAX_OUTPUT`].
    pub fn validate(&self) -> Result<()> {
        let max_memory = super::engine::MAX_GUEST_MEMORY;
        let problem = if self.fuel == 0 {
            Some("the fuel budget must be positive".to_string())
        } else if self.memory < Self::MIN_MEMORY {
            Some(format!(
                "a memory limit of {} is below the least a guest can start in ({})",
                human_size(self.memory),
                human_size(Self::MIN_MEMORY)
            ))
        } else if self.memory > max_memory {
            Some(format!(
                "a memory limit of {} is over the most a guest can have ({})",
                human_size(self.memory),
                human_size(max_memory)
            ))
        } else if self.timeout.is_zero() {
            Some("the timeout must be positive".to_string())
        } else if self.timeout > Self::MAX_TIMEOUT {
            Some(format!(
                "a timeout of {} is over the longest allowed ({})",
                humantime::format_duration(self.timeout),
                humantime::format_duration(Self::MAX_TIMEOUT)
            ))
        } else if self.max_output == 0 {
            Some("the output limit must be positive".to_string())
        } else if self.max_output > Self::MAX_OUTPUT {
            Some(format!(
                "an output limit of {} is over the most allowed ({})",
                human_size(self.max_output),
                human_size(Self::MAX_OUTPUT)
            ))
        } else {
            None
        };
        match problem {
            Some(why) => Err(Error::BadOption(why)),
            None => Ok(()),
        }
    }
}

/// A size for people: `512 MiB`, `64 MB`, `100 bytes`; a size that is no
/// whole number of any unit also gives its bytes: `1.5 KiB (1537 bytes)`.
pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 6] = [
        (1 << 30, "GiB"),
        (1 << 20, "MiB"),
        (1 << 10, "KiB"),
        (1_000_000_000, "GB"),
        (1_000_000, "MB"),
        (1_000, "kB"),
    ];
    if let Some((unit, name)) = UNITS
        .iter()
        .find(|(unit, _)| bytes >= *unit && bytes.is_multiple_of(*unit))
    {
        return format!("{} {name}", bytes / unit);
    }
    match UNITS[..3].iter().find(|(unit, _)| bytes >= *unit) {
        Some((unit, name)) => format!("{:.1} {name} ({bytes} bytes)", bytes as f64 / *unit as f64),
        None if bytes == 1 => "1 byte".to_string(),
        None => format!("{bytes} bytes"),
    }
}

impl Limits {
    /// A byte count for people, as limit reasons and errors give it: `512 MiB`,
    /// `1 GiB`, `64 MB`, `1.5 KiB (1537 bytes)`.
    pub fn format_size(bytes: u64) -> String {
        human_size(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_out_of_range() {
        let ok = Limits::default();
        assert!(ok.validate().is_ok());
        let bad = [
            Limits {
                fuel: 0,
                ..ok.clone()
            },
            Limits {
                memory: 1,
                ..ok.clone()
            },
            Limits {
                memory: (4 << 30) + 1,
                ..ok.clone()
            },
            Limits {
                timeout: Duration::ZERO,
                ..ok.clone()
            },
            Limits {
                timeout: Duration::from_secs(24 * 3600 + 1),
                ..ok.clone()
            },
            Limits {
                max_output: 0,
                ..ok.clone()
            },
            Limits {
                max_output: (1 << 30) + 1,
                ..ok.clone()
            },
        ];
        for limits in bad {
            assert!(limits.validate().is_err(), "{limits:?} accepted");
        }
        let err = Limits { memory: 1, ..ok }
            .validate()
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "a memory limit of 1 byte is below the least a guest can start in (1 MiB)"
        );
    }
}
