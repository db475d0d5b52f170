//! `nondeterministic_output`: two runs of the same snippet printed different
//! output (see `nondeterministic_output.md`).

use super::output_lines::{first_difference, output_finding};
use crate::report::{Finding, FindingKind};

/// What the output was seen to follow, from the runs with one source fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Varies {
    /// It changed with the random source (the clock fixed).
    pub(crate) random: bool,
    /// It changed with the clock (the random source fixed).
    pub(crate) clock: bool,
    /// The runtime seeds its random numbers from the clock (QuickJS's
    /// `Math.random`), so a clock that varies says nothing more.
    pub(crate) random_from_clock: bool,
}

/// The finding when `first` (the run's stdout) and `fixed` (a run's with the
/// clock and the random source fixed) differ; None when they are the same.
pub(crate) fn check(first: &str, fixed: &str, varies: Varies, file: &str) -> Option<Finding> {
    if first == fixed {
        return None;
    }
    let at = first_difference(first, fixed);
    let cause = match (varies.random, varies.clock) {
        (true, true) => "it varies with the random source and with the clock",
        (true, false) => "it varies with the random source",
        (false, true) if varies.random_from_clock => {
            "it varies with the clock (a clock reading, or `Math.random`, which this runtime seeds from the clock)"
        }
        (false, true) => "it varies with the clock",
        (false, false) => "neither the random source nor the clock alone made it vary",
    };
    let message = format!(
        "the output changes from run to run: line {} was {} in this run and {} in a run with \
         the clock and the random source fixed; {cause}",
        at.line, at.left, at.right,
    );
    Some(output_finding(
        FindingKind::NondeterministicOutput,
        message,
        file,
        at.left_text,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_output_twice_is_no_finding() {
        let varies = Varies {
            random: true,
            clock: true,
            random_from_clock: false,
        };
        assert!(check("a\n", "a\n", varies, "x.py").is_none());
    }

    #[test]
    fn the_first_differing_line_and_the_cause_are_named() {
        let random = Varies {
            random: true,
            clock: false,
            random_from_clock: false,
        };
        let f = check("n 3\nprice 12.5\n", "n 3\nprice 17.1\n", random, "x.py").unwrap();
        assert_eq!(f.kind, FindingKind::NondeterministicOutput);
        assert_eq!(
            f.message,
            "the output changes from run to run: line 2 was `price 12.5` in this run and \
             `price 17.1` in a run with the clock and the random source fixed; it varies with the \
             random source"
        );
        let mut clock = Varies {
            random: false,
            clock: true,
            random_from_clock: false,
        };
        let f = check("a\n", "a\nb\n", clock, "x.py").unwrap();
        assert!(
            f.message
                .contains("line 2 was nothing in this run and `b` in a run")
        );
        assert!(f.message.ends_with("it varies with the clock"));
        clock.random_from_clock = true;
        let f = check("a\n", "b\n", clock, "x.js").unwrap();
        assert!(
            f.message
                .ends_with("which this runtime seeds from the clock)")
        );
    }
}
