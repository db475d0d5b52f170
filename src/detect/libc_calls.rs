//! Findings from the failures a compiled program's C library calls hide, and
//! from a Zig `catch` that put a constant in place of a result.
//!
//! A C program learns of a failure only by asking: `atoi("n/a")` is 0 with no
//! way to ask, `sscanf` returns how many items it stored, `fopen` returns
//! NULL. The native runtime's wrappers report each such call (see
//! `runtimes/native/candor_libc.c`); these rules decide which are findings:
//!
//! - a number parsed from text that held none, by a function that cannot say
//!   so (`atoi`, `atol`, `atof`, or `strtol`/`strtod` without an end
//!   pointer): `fabricated_value`, whatever happens next, since the program
//!   could not have known;
//! - fewer items scanned than asked, a file that did not open, memory not
//!   given, a line on stderr that says "error": `swallowed_exception`, but only
//!   when the program went on to exit 0 (had it failed, the failure was loud);
//! - a Zig `catch` that returned a constant or did nothing: `fabricated_value`
//!   or `swallowed_exception` when it fired, `latent_swallow` when it did not.

use super::times;
use crate::report::{ExceptionInfo, Finding, FindingKind, ValueInfo, shorten};
use std::collections::BTreeMap;

/// One failed call, at the user's line.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CallEvent {
    /// The function (`atoi`, `sscanf`, `stderr` for a write to it, `catch`).
    pub(crate) call: String,
    pub(crate) line: u32,
    pub(crate) column: u32,
    /// The text given (the string parsed, the path opened, the line written).
    pub(crate) input: Option<String>,
    /// The value the call returned in place of a result.
    pub(crate) value: Option<String>,
    /// Why it failed, when the call says (`no number`, `out of range`).
    pub(crate) why: Option<String>,
    pub(crate) format: Option<String>,
    pub(crate) matched: Option<u64>,
    pub(crate) asked: Option<u64>,
    pub(crate) size: Option<u64>,
    /// For `catch`: the Zig error's name.
    pub(crate) error: Option<String>,
}

/// A Zig `catch` candor instruments: its position and the constant it gives
/// (empty for a block that does nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CatchSite {
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) end_column: u32,
    pub(crate) value: String,
}

/// How the program ended, as far as these rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProgramEnd {
    /// It exited 0.
    Succeeded,
    /// A non-zero exit, a trap or a limit.
    Otherwise,
}

/// One call site's events: the first, how many, the other inputs seen.
type CallSite<'a> = (&'a CallEvent, u64, Vec<&'a str>);

/// The findings of one run: its events (grouped by what and where), and the
/// Zig catch sites that never fired.
pub(crate) fn findings(
    events: &[CallEvent],
    catch_sites: &[CatchSite],
    end: ProgramEnd,
    file: &str,
) -> Vec<Finding> {
    // per call site: the first event, how many, and the other inputs seen
    let mut grouped: BTreeMap<(u32, u32, &str), CallSite<'_>> = BTreeMap::new();
    for event in events {
        let group = grouped
            .entry((event.line, event.column, event.call.as_str()))
            .or_insert((event, 0, Vec::new()));
        group.1 += 1;
        if let Some(input) = event.input.as_deref()
            && event.input != group.0.input
            && !group.2.contains(&input)
        {
            group.2.push(input);
        }
    }
    let mut all: Vec<Finding> = grouped
        .values()
        .filter_map(|(event, count, others)| {
            let mut found = finding(event, *count, end, file, catch_sites)?;
            found.message.push_str(&also(others));
            Some(found)
        })
        .collect();
    for site in catch_sites {
        let fired = events
            .iter()
            .any(|e| e.call == "catch" && e.line == site.line && e.column == site.column);
        if !fired {
            all.push(latent(site, file));
        }
    }
    all.sort_by_key(|f| (f.line, f.column, f.kind));
    all
}

/// The other inputs of a call site, for its message: `; also "x", "y"`
/// (at most three, then how many more).
fn also(others: &[&str]) -> String {
    const SHOWN: usize = 3;
    if others.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = others
        .iter()
        .take(SHOWN)
        .map(|input| quoted(Some(input)))
        .collect();
    let more = match others.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!("; also {}{more}", shown.join(", "))
}

/// `"text"`, cut and quoted for a message.
fn quoted(text: Option<&str>) -> String {
    format!("{:?}", shorten(text.unwrap_or_default()))
}

fn finding(
    event: &CallEvent,
    count: u64,
    end: ProgramEnd,
    file: &str,
    catch_sites: &[CatchSite],
) -> Option<Finding> {
    let input = quoted(event.input.as_deref());
    let value = event.value.clone().unwrap_or_else(|| "0".to_string());
    let (kind, message, exception, stood_in) = match event.call.as_str() {
        "atoi" | "atol" | "atoll" | "atof" => (
            FindingKind::FabricatedValue,
            format!(
                "{}({input}) returned {value}: the text holds no number, and {value} stood in \
                 for one{}",
                event.call,
                times(count)
            ),
            Some(("no number", format!("{}({input})", event.call))),
            Some(value),
        ),
        "strtol" | "strtoll" | "strtoul" | "strtoull" | "strtod" | "strtof" => {
            let why = event.why.as_deref().unwrap_or("no number");
            (
                FindingKind::FabricatedValue,
                format!(
                    "{}({input}, NULL, ...) returned {value} ({why}); without an end pointer the \
                     program cannot tell, and {value} stood in for the number{}",
                    event.call,
                    times(count)
                ),
                Some((why, format!("{}({input})", event.call))),
                Some(value),
            )
        }
        "sscanf" | "scanf" | "fscanf" if end == ProgramEnd::Succeeded => {
            let (matched, asked) = (event.matched.unwrap_or(0), event.asked.unwrap_or(0));
            let from = match event.call.as_str() {
                "sscanf" => format!(" from {input}"),
                _ => String::new(),
            };
            (
                FindingKind::SwallowedException,
                format!(
                    "{}({}) stored {matched} of {asked} items{from}; the program went on with \
                     the rest unset and exited 0{}",
                    event.call,
                    quoted(event.format.as_deref()),
                    times(count)
                ),
                Some(("short scan", format!("{matched} of {asked} items{from}"))),
                None,
            )
        }
        "fopen" if end == ProgramEnd::Succeeded => (
            FindingKind::SwallowedException,
            format!(
                "fopen({input}) failed ({}), and the program exited 0{}",
                event.why.as_deref().unwrap_or("no reason given"),
                times(count)
            ),
            Some(("fopen failed", event.why.clone().unwrap_or_default())),
            None,
        ),
        "malloc" | "calloc" | "realloc" if end == ProgramEnd::Succeeded => (
            FindingKind::SwallowedException,
            format!(
                "{}({}) returned NULL (out of memory), and the program exited 0{}",
                event.call,
                event.size.unwrap_or(0),
                times(count)
            ),
            Some((
                "out of memory",
                format!("{} bytes", event.size.unwrap_or(0)),
            )),
            None,
        ),
        "stderr" if end == ProgramEnd::Succeeded && !says_no_error(event.input.as_deref()) => (
            FindingKind::SwallowedException,
            format!(
                "the program wrote {input} to stderr, then exited 0 as if nothing failed{}",
                times(count)
            ),
            Some(("error on stderr", event.input.clone().unwrap_or_default())),
            None,
        ),
        "catch" => {
            let site = catch_sites
                .iter()
                .find(|s| s.line == event.line && s.column == event.column);
            let error = event
                .error
                .clone()
                .unwrap_or_else(|| "an error".to_string());
            let constant = site.map(|s| s.value.clone()).unwrap_or_default();
            if constant.is_empty() {
                (
                    FindingKind::SwallowedException,
                    format!("`catch {{}}` discarded error.{error}{}", times(count)),
                    Some(("error", format!("error.{error}"))),
                    None,
                )
            } else {
                (
                    FindingKind::FabricatedValue,
                    format!(
                        "`catch {constant}` put {constant} in place of the result after \
                         error.{error}{}",
                        times(count)
                    ),
                    Some(("error", format!("error.{error}"))),
                    Some(constant),
                )
            }
        }
        _ => return None,
    };
    let end_column = catch_sites
        .iter()
        .find(|s| event.call == "catch" && s.line == event.line && s.column == event.column)
        .map_or(0, |s| s.end_column);
    Some(Finding {
        kind,
        severity: kind.severity(),
        message,
        file: file.to_string(),
        line: event.line,
        column: event.column.max(1),
        end_line: event.line,
        end_column,
        exception: exception.map(|(type_name, message)| ExceptionInfo {
            type_name: type_name.to_string(),
            message,
            // the call is the line itself: no separate raise site to show
            line: None,
        }),
        value: stood_in.map(|repr| ValueInfo {
            type_name: value_type(&event.call).to_string(),
            repr,
        }),
        count,
        strict: None,
        input: None,
    })
}

/// Whether a stderr line says there was no error ("0 errors", "no errors
/// found", "without error"), which is not a failure told.
fn says_no_error(line: Option<&str>) -> bool {
    let line = line.unwrap_or_default().to_ascii_lowercase();
    let words: Vec<&str> = line
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|pair| {
        matches!(pair[0], "no" | "0" | "zero" | "without" | "never")
            && matches!(pair[1], "error" | "errors")
    })
}

/// The C type a call returns.
fn value_type(call: &str) -> &'static str {
    match call {
        "atoi" => "int",
        "atol" | "strtol" => "long",
        "atoll" | "strtoll" => "long long",
        "strtoul" => "unsigned long",
        "strtoull" => "unsigned long long",
        "atof" | "strtod" => "double",
        "strtof" => "float",
        _ => "value",
    }
}

/// A Zig catch that never fired in this run.
fn latent(site: &CatchSite, file: &str) -> Finding {
    let kind = FindingKind::LatentSwallow;
    let what = if site.value.is_empty() {
        "`catch {}` would discard the error".to_string()
    } else {
        format!(
            "`catch {}` would put {} in place of the result",
            site.value, site.value
        )
    };
    Finding {
        kind,
        severity: kind.severity(),
        message: format!("{what}; it did not run in this run"),
        file: file.to_string(),
        line: site.line,
        column: site.column,
        end_line: site.line,
        end_column: site.end_column,
        exception: None,
        value: None,
        count: 0,
        strict: None,
        input: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(call: &str, line: u32) -> CallEvent {
        CallEvent {
            call: call.to_string(),
            line,
            column: 9,
            input: Some("n/a".to_string()),
            value: Some("0".to_string()),
            ..CallEvent::default()
        }
    }

    #[test]
    fn a_number_from_no_number_is_a_fabricated_value_however_the_program_ends() {
        for end in [ProgramEnd::Succeeded, ProgramEnd::Otherwise] {
            let found = findings(&[event("atoi", 4), event("atoi", 4)], &[], end, "a.c");
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].kind, FindingKind::FabricatedValue);
            assert_eq!(found[0].count, 2);
            assert_eq!(found[0].line, 4);
            assert!(
                found[0].message.starts_with("atoi(\"n/a\") returned 0"),
                "{}",
                found[0].message
            );
            assert!(
                found[0].message.ends_with("(2 times)"),
                "{}",
                found[0].message
            );
            let mut other = event("atoi", 4);
            other.input = Some("unknown".to_string());
            let found = findings(&[event("atoi", 4), other], &[], end, "a.c");
            assert!(
                found[0].message.ends_with("(2 times); also \"unknown\""),
                "{}",
                found[0].message
            );
        }
    }

    #[test]
    fn failures_the_program_could_see_count_only_when_it_exited_0() {
        let mut scan = event("sscanf", 7);
        scan.matched = Some(1);
        scan.asked = Some(2);
        scan.format = Some("%d %d".to_string());
        let events = [scan, event("fopen", 8), event("stderr", 9)];
        let found = findings(&events, &[], ProgramEnd::Succeeded, "a.c");
        assert_eq!(found.len(), 3);
        assert!(
            found
                .iter()
                .all(|f| f.kind == FindingKind::SwallowedException)
        );
        assert!(
            found[0].message.contains("stored 1 of 2 items"),
            "{}",
            found[0].message
        );
        assert!(findings(&events, &[], ProgramEnd::Otherwise, "a.c").is_empty());
    }

    #[test]
    fn a_zig_catch_fires_or_stays_latent() {
        let sites = [
            CatchSite {
                line: 3,
                column: 41,
                end_column: 48,
                value: "0".to_string(),
            },
            CatchSite {
                line: 5,
                column: 10,
                end_column: 18,
                value: String::new(),
            },
        ];
        let mut fired = event("catch", 3);
        fired.column = 41;
        fired.error = Some("InvalidCharacter".to_string());
        let found = findings(&[fired], &sites, ProgramEnd::Succeeded, "a.zig");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, FindingKind::FabricatedValue);
        assert!(
            found[0].message.contains("error.InvalidCharacter"),
            "{}",
            found[0].message
        );
        assert_eq!(found[1].kind, FindingKind::LatentSwallow);
        assert_eq!(found[1].line, 5);
    }

    #[test]
    fn a_stderr_line_that_says_no_error_is_no_finding() {
        for line in [
            "0 errors, 2 warnings",
            "No errors found",
            "finished without error",
        ] {
            let mut said = event("stderr", 3);
            said.input = Some(line.to_string());
            assert!(
                findings(&[said], &[], ProgramEnd::Succeeded, "a.c").is_empty(),
                "{line}"
            );
        }
        let mut said = event("stderr", 3);
        said.input = Some("error: no such column".to_string());
        assert_eq!(
            findings(&[said], &[], ProgramEnd::Succeeded, "a.c").len(),
            1
        );
    }

    #[test]
    fn an_unknown_call_is_no_finding() {
        assert!(findings(&[event("printf", 1)], &[], ProgramEnd::Succeeded, "a.c").is_empty());
    }
}
