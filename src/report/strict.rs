//! What a strict re-run showed: the snippet run again, in a fresh instance,
//! with a handler that swallowed an exception in the first run re-raising it
//! instead (one re-run per such handler, up to [`MAX_STRICT_RUNS`]). It tells
//! whether the error the handler hid would have mattered: the run fails, its
//! output changes, or nothing changes (the finding is then inconsequential and
//! drops one severity level).

use super::{Finding, FindingKind, Outcome, Report, Severity, shorten_to, uncaught};
use serde::{Deserialize, Serialize};

/// What the strict re-run showed for one finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrictCheck {
    /// How the strict run differed from the first one.
    pub effect: StrictEffect,
    /// One sentence for people: `without this handler the run fails:
    /// KeyError: 'revenue' at line 16`.
    pub detail: String,
}

/// How a strict re-run differed from the first run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StrictEffect {
    /// It did not complete: the exception the handler hid ended it (or a
    /// limit did).
    Fails,
    /// It completed with other output or another exit status.
    OutputChanges,
    /// It completed with the same output and exit status: the handler's
    /// swallow made no difference here (`inconsequential`).
    Unchanged,
}

/// The findings a strict re-run can speak to: those whose handler fired.
pub(crate) fn checkable(finding: &Finding) -> bool {
    finding.count > 0
        && matches!(
            finding.kind,
            FindingKind::SwallowedException | FindingKind::FabricatedValue
        )
}

/// The most strict re-runs one run gets: past that many handlers, the rest
/// re-raise together in the last re-run.
pub const MAX_STRICT_RUNS: usize = 8;

/// One strict re-run: the handlers it makes re-raise and the findings it
/// speaks to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct StrictGroup {
    /// Where the handlers to re-raise are, as `(line, column)`: a swallowing
    /// handler's own position, or a fabricated value's, which the guest
    /// resolves to the innermost handler around it.
    pub(crate) targets: Vec<(u32, u32)>,
    /// Indexes into the report's findings.
    findings: Vec<usize>,
}

/// The strict re-runs `report` calls for: one per handler that swallowed (a
/// fabricated value inside a swallowing handler's lines goes with it), at
/// most [`MAX_STRICT_RUNS`].
pub(crate) fn groups(report: &Report) -> Vec<StrictGroup> {
    let mut groups: Vec<(u32, u32, StrictGroup)> = Vec::new();
    let findings = || {
        report
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| checkable(f))
    };
    for (i, f) in findings().filter(|(_, f)| f.kind == FindingKind::SwallowedException) {
        groups.push((
            f.line,
            f.end_line.max(f.line),
            StrictGroup {
                targets: vec![(f.line, f.column)],
                findings: vec![i],
            },
        ));
    }
    for (i, f) in findings().filter(|(_, f)| f.kind != FindingKind::SwallowedException) {
        // the innermost swallowing handler whose lines hold the value
        let around = groups
            .iter_mut()
            .filter(|(start, end, _)| *start < f.line && f.line <= *end)
            .max_by_key(|(start, _, _)| *start);
        match around {
            Some((_, _, group)) => group.findings.push(i),
            None => groups.push((
                f.line,
                f.line,
                StrictGroup {
                    targets: vec![(f.line, f.column)],
                    findings: vec![i],
                },
            )),
        }
    }
    let mut groups: Vec<StrictGroup> = groups.into_iter().map(|(_, _, g)| g).collect();
    if groups.len() > MAX_STRICT_RUNS {
        let rest: Vec<StrictGroup> = groups.drain(MAX_STRICT_RUNS - 1..).collect();
        groups.push(StrictGroup {
            targets: rest
                .iter()
                .flat_map(|g| g.targets.iter().copied())
                .collect(),
            findings: rest.into_iter().flat_map(|g| g.findings).collect(),
        });
    }
    groups
}

/// Attaches what the strict run `strict` of `group` showed to the group's
/// findings in `report`; an unchanged run makes them inconsequential, one
/// severity level down.
pub(crate) fn attach(report: &mut Report, group: &StrictGroup, strict: &Report) {
    let check = judge(report, strict);
    for &i in &group.findings {
        let Some(finding) = report.findings.get_mut(i) else {
            continue;
        };
        if check.effect == StrictEffect::Unchanged {
            finding.severity = match finding.severity {
                Severity::Error => Severity::Warning,
                Severity::Warning | Severity::Info => Severity::Info,
            };
        }
        finding.strict = Some(check.clone());
    }
}

/// How `strict` differed from `first`.
fn judge(first: &Report, strict: &Report) -> StrictCheck {
    if strict.outcome != Outcome::Completed {
        let why = match uncaught(&strict.stderr, &strict.file) {
            Some(error) => match error.line {
                Some(line) => format!("{} at line {line}", shorten_to(error.text, 80, 40)),
                None => shorten_to(error.text, 80, 40).into_owned(),
            },
            None => strict
                .reason
                .clone()
                .unwrap_or_else(|| strict.outcome.as_str().to_string()),
        };
        let verb = if strict.outcome == Outcome::Failed {
            "fails"
        } else {
            "ends"
        };
        let detail = if strict.outcome == Outcome::Failed {
            format!("without this handler the run {verb}: {why}")
        } else {
            format!(
                "without this handler the run {verb} as {}: {why}",
                strict.outcome.as_str()
            )
        };
        return StrictCheck {
            effect: StrictEffect::Fails,
            detail,
        };
    }
    if strict.stdout == first.stdout && strict.exit_code == first.exit_code {
        return StrictCheck {
            effect: StrictEffect::Unchanged,
            detail:
                "without this handler the run completes with the same output: inconsequential here"
                    .to_string(),
        };
    }
    let detail = match first_difference(&first.stdout, &strict.stdout) {
        Some((before, after)) => format!(
            "without this handler the output changes: {} → {}",
            quoted(before),
            quoted(after)
        ),
        None => format!(
            "without this handler the exit status changes: {} → {}",
            status(first.exit_code),
            status(strict.exit_code)
        ),
    };
    StrictCheck {
        effect: StrictEffect::OutputChanges,
        detail,
    }
}

/// The first line where `a` and `b` differ, from each (`None` past the end).
fn first_difference<'t>(a: &'t str, b: &'t str) -> Option<(Option<&'t str>, Option<&'t str>)> {
    let (mut left, mut right) = (a.lines(), b.lines());
    loop {
        match (left.next(), right.next()) {
            (None, None) => return None,
            (x, y) if x != y => return Some((x, y)),
            _ => {}
        }
    }
}

fn quoted(line: Option<&str>) -> String {
    match line {
        Some(text) => format!("`{}`", shorten_to(text, 60, 20)),
        None => "(no line)".to_string(),
    }
}

fn status(code: Option<i32>) -> String {
    code.map_or_else(|| "none".to_string(), |c| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ExceptionInfo, RuntimeInfo};

    fn finding(kind: FindingKind, line: u32, end_line: u32, count: u64) -> Finding {
        Finding {
            kind,
            severity: Severity::Warning,
            message: String::new(),
            file: "s.py".into(),
            line,
            column: 5,
            end_line,
            end_column: 9,
            exception: None::<ExceptionInfo>,
            value: None,
            count,
            strict: None,
            input: None,
        }
    }

    fn report(findings: Vec<Finding>, stdout: &str, outcome: Outcome) -> Report {
        Report {
            schema: crate::REPORT_SCHEMA.into(),
            file: "s.py".into(),
            language: "python".into(),
            runtime: RuntimeInfo {
                name: "cpython".into(),
                version: "3.14.0".into(),
            },
            outcome,
            reason: None,
            exit_code: Some(0),
            stdout: stdout.into(),
            stderr: String::new(),
            truncated: false,
            fuel_consumed: 1,
            duration_ms: 1.0,
            instrumentation_tampered: false,
            tampering: vec![],
            findings,
            output_diff: None,
            probes: None,
        }
    }

    #[test]
    fn a_value_goes_with_the_handler_around_it_and_others_get_their_own_run() {
        use FindingKind::*;
        let r = report(
            vec![
                finding(SwallowedException, 6, 7, 1),
                finding(FabricatedValue, 7, 7, 1),
                finding(SwallowedException, 8, 9, 2),
                finding(FabricatedValue, 20, 20, 1),
                finding(LatentSwallow, 30, 31, 0),
            ],
            "",
            Outcome::Completed,
        );
        let g = groups(&r);
        assert_eq!(g.len(), 3);
        assert_eq!(
            (g[0].targets.clone(), g[0].findings.clone()),
            (vec![(6, 5)], vec![0, 1])
        );
        assert_eq!(
            (g[1].targets.clone(), g[1].findings.clone()),
            (vec![(8, 5)], vec![2])
        );
        assert_eq!(
            (g[2].targets.clone(), g[2].findings.clone()),
            (vec![(20, 5)], vec![3])
        );
    }

    #[test]
    fn past_the_most_runs_the_rest_share_the_last() {
        let many = (0..12)
            .map(|i| finding(FindingKind::SwallowedException, 10 * i + 1, 10 * i + 2, 1))
            .collect();
        let g = groups(&report(many, "", Outcome::Completed));
        assert_eq!(g.len(), MAX_STRICT_RUNS);
        assert_eq!(
            g[MAX_STRICT_RUNS - 1].targets.len(),
            12 - (MAX_STRICT_RUNS - 1)
        );
    }

    #[test]
    fn an_unchanged_run_drops_a_level_and_a_changed_one_names_the_line() {
        let mut first = report(
            vec![finding(FindingKind::FabricatedValue, 7, 7, 1)],
            "Total 0.00\n",
            Outcome::Completed,
        );
        first.findings[0].severity = Severity::Error;
        let group = &groups(&first)[0];
        let mut same = first.clone();
        attach(
            &mut same,
            group,
            &report(vec![], "Total 0.00\n", Outcome::Completed),
        );
        assert_eq!(same.findings[0].severity, Severity::Warning);
        assert_eq!(
            same.findings[0].strict.as_ref().unwrap().effect,
            StrictEffect::Unchanged
        );
        let mut changed = first.clone();
        attach(
            &mut changed,
            group,
            &report(vec![], "Total 12.00\n", Outcome::Completed),
        );
        assert_eq!(changed.findings[0].severity, Severity::Error);
        assert_eq!(
            changed.findings[0].strict.as_ref().unwrap().detail,
            "without this handler the output changes: `Total 0.00` → `Total 12.00`"
        );
    }

    #[test]
    fn the_first_differing_line_is_found_on_either_side() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(
            first_difference("a\nb\n", "a\nc\n"),
            Some((Some("b"), Some("c")))
        );
        assert_eq!(first_difference("a\nb\n", "a\n"), Some((Some("b"), None)));
    }
}
