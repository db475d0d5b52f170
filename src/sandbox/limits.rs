//! The resource limits every run is held to, and the parsers for their flag values.

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

/// 2^64 as an f64 (exactly representable): every f64 below it fits in a u64.
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;

/// Splits `text` into its leading number (digits and `.`, then an optional
/// exponent such as `e9` or `E-3`) and the rest.
fn split_number(text: &str) -> (&str, &str) {
    let b = text.as_bytes();
    let mut end = b
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == b'.')
        .count();
    if end > 0 && matches!(b.get(end), Some(b'e' | b'E')) {
        let mut exp = end + 1;
        if matches!(b.get(exp), Some(b'+' | b'-')) {
            exp += 1;
        }
        let digits = b[exp.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 {
            end = exp + digits;
        }
    }
    text.split_at(end)
}

/// Parses a byte size: `1048576`, `512KiB`, `64MiB`, `1GiB`, `10MB`, `1.5GiB`, `1e9`.
/// Whole numbers are exact; a value that is not positive or does not fit in
/// 64 bits is an error, never a panic or a wrap.
pub fn parse_size(text: &str) -> Result<u64> {
    let invalid = |why: &str| Error::BadOption(format!("invalid size {text:?}: {why}"));
    let trimmed = text.trim();
    if trimmed.starts_with('-') {
        return Err(invalid("must be positive"));
    }
    let (number, unit) = split_number(trimmed);
    let unit_bytes: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gib" => 1 << 30,
        "t" | "tb" => 1_000_000_000_000,
        "tib" => 1 << 40,
        _ if number.is_empty() => {
            return Err(invalid("expected a number and a unit, such as 512MiB"));
        }
        other => {
            return Err(invalid(&format!(
                "unknown unit {other:?} (use B, KiB, MiB, GiB, KB, MB or GB)"
            )));
        }
    };
    let too_large = || invalid("too large");
    let bytes = if !number.is_empty() && number.bytes().all(|c| c.is_ascii_digit()) {
        number
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_mul(unit_bytes))
            .ok_or_else(too_large)?
    } else {
        let value: f64 = number
            .parse()
            .map_err(|_| invalid("expected a number and a unit, such as 512MiB"))?;
        // only digits, '.' and an exponent: never NaN, but may be infinite
        let bytes = (value * unit_bytes as f64).floor();
        if bytes >= TWO_POW_64 {
            return Err(too_large());
        }
        bytes as u64
    };
    if bytes == 0 {
        return Err(invalid("must be at least 1 byte"));
    }
    Ok(bytes)
}

/// Parses a duration: `10s`, `500ms`, `2m`, `1m30s`, or a bare number of
/// seconds (`2.5`). Zero, negative, NaN, infinite and unrepresentable values
/// are errors, never a panic.
pub fn parse_duration(text: &str) -> Result<Duration> {
    let trimmed = text.trim();
    let invalid = |why: &str| Error::BadOption(format!("invalid duration {text:?}: {why}"));
    if trimmed.starts_with('-') {
        return Err(invalid("must be positive"));
    }
    let parsed = match trimmed.parse::<f64>() {
        Ok(seconds) if seconds.is_nan() || seconds.is_infinite() => {
            return Err(invalid("expected a finite number of seconds"));
        }
        Ok(seconds) => Duration::try_from_secs_f64(seconds).map_err(|_| invalid("too long"))?,
        Err(_) => humantime::parse_duration(trimmed).map_err(|e| match e {
            humantime::DurationError::NumberOverflow => invalid("too long"),
            _ => invalid("expected a positive value such as 10s, 500ms or 2m"),
        })?,
    };
    if parsed.is_zero() {
        return Err(invalid("must be positive"));
    }
    Ok(parsed)
}

/// Parses a fuel amount: digits, optionally with `_` separators or an `e`
/// exponent (`5e9`). Zero, negative, fractional and values over 2^64 - 1 are errors.
pub fn parse_fuel(text: &str) -> Result<u64> {
    let invalid = |why: &str| Error::BadOption(format!("invalid fuel {text:?}: {why}"));
    let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
    if cleaned.starts_with('-') {
        return Err(invalid("must be positive"));
    }
    let value = match cleaned.parse::<u64>() {
        Ok(v) => v,
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => {
            return Err(invalid(&format!("too large (at most {})", u64::MAX)));
        }
        Err(_) => match cleaned.parse::<f64>() {
            Ok(v) if v.is_finite() && v.fract() == 0.0 && v >= 0.0 => {
                if v >= TWO_POW_64 {
                    return Err(invalid(&format!("too large (at most {})", u64::MAX)));
                }
                v as u64
            }
            _ => {
                return Err(invalid(
                    "expected a positive whole number such as 50000000000 or 5e10",
                ));
            }
        },
    };
    if value == 0 {
        return Err(invalid("must be positive"));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512MiB").unwrap(), 512 << 20);
        assert_eq!(parse_size("1 GiB").unwrap(), 1 << 30);
        assert_eq!(parse_size("1024").unwrap(), 1024);
        assert_eq!(parse_size("10MB").unwrap(), 10_000_000);
        assert_eq!(parse_size("1.5KiB").unwrap(), 1536);
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("MiB").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("-5MiB").is_err());
        assert_eq!(parse_size("1e3").unwrap(), 1000);
        assert_eq!(parse_size("18446744073709551615").unwrap(), u64::MAX);
        for bad in [
            "18446744073709551616",
            "1e30",
            "16777216TiB",
            "nan",
            "inf",
            "NaNMiB",
            "0.1",
            "1e",
            ".",
            "",
        ] {
            assert!(parse_size(bad).is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10s").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("1m30s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("2.5").unwrap(), Duration::from_millis(2500));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("-1").is_err());
        for bad in [
            "1e20",
            "1e300",
            "inf",
            "NaN",
            "-inf",
            "1e-12",
            "99999999999999999999999s",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?} parsed");
        }
        assert_eq!(parse_duration("1e3").unwrap(), Duration::from_secs(1000));
    }

    #[test]
    fn fuel() {
        assert_eq!(parse_fuel("5e9").unwrap(), 5_000_000_000);
        assert_eq!(parse_fuel("1_000").unwrap(), 1000);
        assert!(parse_fuel("0").is_err());
        assert!(parse_fuel("lots").is_err());
        assert!(parse_fuel("1.5").is_err());
        assert_eq!(parse_fuel("18446744073709551615").unwrap(), u64::MAX);
        for bad in [
            "-1",
            "-0",
            "1e30",
            "18446744073709551616",
            "nan",
            "inf",
            "-5e9",
        ] {
            assert!(parse_fuel(bad).is_err(), "{bad:?} parsed");
        }
    }

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
