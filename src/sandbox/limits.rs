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
    /// Checks that the limits can be enforced: every one positive, memory at
    /// most [`MAX_GUEST_MEMORY`](super::engine::MAX_GUEST_MEMORY).
    pub fn validate(&self) -> Result<()> {
        let max = super::engine::MAX_GUEST_MEMORY;
        if self.memory > max {
            return Err(Error::BadOption(format!(
                "memory limit of {} bytes is over the most a guest can have ({max} bytes, 4GiB)",
                self.memory
            )));
        }
        if self.fuel == 0 || self.timeout.is_zero() || self.memory == 0 || self.max_output == 0 {
            return Err(Error::BadOption("every limit must be positive".to_string()));
        }
        Ok(())
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

/// Parses a byte size: `1048576`, `512KiB`, `64MiB`, `1GiB`, `10MB`, `1.5GiB`.
pub fn parse_size(text: &str) -> Result<u64> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(split);
    let unit_bytes: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gib" => 1 << 30,
        other => {
            return Err(Error::BadOption(format!(
                "invalid size {text:?}: unknown unit {other:?} (use B, KiB, MiB, GiB, KB, MB or GB)"
            )));
        }
    };
    let value: f64 = number.parse().map_err(|_| {
        Error::BadOption(format!(
            "invalid size {text:?}: expected a number and a unit, such as 512MiB"
        ))
    })?;
    let bytes = value * unit_bytes as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(Error::BadOption(format!(
            "invalid size {text:?}: out of range"
        )));
    }
    Ok(bytes as u64)
}

/// Parses a duration: `10s`, `500ms`, `2m`, `1m30s`, or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration> {
    let trimmed = text.trim();
    let parsed = match trimmed.parse::<f64>() {
        Ok(seconds) if seconds.is_finite() && seconds > 0.0 => Ok(Duration::from_secs_f64(seconds)),
        Ok(_) => Err(()),
        Err(_) => humantime::parse_duration(trimmed).map_err(|_| ()),
    };
    match parsed {
        Ok(d) if !d.is_zero() => Ok(d),
        _ => Err(Error::BadOption(format!(
            "invalid duration {text:?}: expected a positive value such as 10s, 500ms or 2m"
        ))),
    }
}

/// Parses a fuel amount: digits, optionally with `_` separators or an `e` exponent (`5e9`).
pub fn parse_fuel(text: &str) -> Result<u64> {
    let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
    let value = cleaned.parse::<u64>().ok().or_else(|| {
        cleaned
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 1.0 && *v <= u64::MAX as f64 && v.fract() == 0.0)
            .map(|v| v as u64)
    });
    match value {
        Some(v) if v > 0 => Ok(v),
        _ => Err(Error::BadOption(format!(
            "invalid fuel {text:?}: expected a positive whole number such as 50000000000 or 5e10"
        ))),
    }
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
    }

    #[test]
    fn fuel() {
        assert_eq!(parse_fuel("5e9").unwrap(), 5_000_000_000);
        assert_eq!(parse_fuel("1_000").unwrap(), 1000);
        assert!(parse_fuel("0").is_err());
        assert!(parse_fuel("lots").is_err());
        assert!(parse_fuel("1.5").is_err());
    }
}
