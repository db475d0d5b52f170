//! The values of the limit flags (`--memory 512MiB`, `--timeout 10s`,
//! `--fuel 5e10`) read into numbers: whole numbers exact, and a value that is
//! not positive or does not fit an error naming the flag's text, never a
//! panic or a wrap.

use std::time::Duration;

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
pub(crate) fn parse_size(text: &str) -> Result<u64, String> {
    let invalid = |why: &str| format!("invalid size {text:?}: {why}");
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
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let trimmed = text.trim();
    let invalid = |why: &str| format!("invalid duration {text:?}: {why}");
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
pub(crate) fn parse_fuel(text: &str) -> Result<u64, String> {
    let invalid = |why: &str| format!("invalid fuel {text:?}: {why}");
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
}
