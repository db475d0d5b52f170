//! Re-runs of a snippet that check what one run's report cannot: that its
//! output repeats with the clock and the random source fixed
//! (`nondeterministic_output`), and that it is the output expected of it,
//! or a reference program's (`wrong_output`). `candor probe`,
//! `check --probe`, `--expect` and `--reference` use it.
//!
//! ```no_run
//! use candor::probe::{self, Probes};
//! use candor::{Sandbox, Snippet};
//!
//! let sandbox = Sandbox::builder().build()?;
//! let snippet = Snippet::python("import random\nprint(random.random())\n");
//! let probes = Probes::default().determinism(true).expect_stdout("0.5\n");
//! let report = probe::run_blocking(&sandbox, &snippet, &probes)?;
//! for finding in &report.findings {
//!     println!("{}: {}", finding.kind.as_str(), finding.message);
//! }
//! # Ok::<(), candor::Error>(())
//! ```

mod nondeterministic_output;
mod output_lines;
mod wrong_output;

use crate::error::Result;
use crate::report::{Outcome, Report};
use crate::runtimes::{Language, Snippet};
use crate::sandbox::Sandbox;
use crate::sandbox::guest::Determinism;
use nondeterministic_output::Varies;

/// The most calls of a snippet's functions `candor probe` makes.
pub const DEFAULT_CALLS: u32 = 200;

/// How long `candor probe` goes on starting calls of a snippet's functions.
pub const DEFAULT_BUDGET: std::time::Duration = std::time::Duration::from_secs(5);

/// What to check besides the run. The default checks nothing: a plain run.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Probes {
    /// Run the snippet again with its clock and random source fixed and
    /// compare the output; when it differs, two more runs (each with one
    /// source free) tell what it follows. Nothing is compared in a
    /// deterministic sandbox, whose runs are the same by construction.
    pub determinism: bool,
    /// What the run is expected to do.
    pub expected: Option<Expected>,
    /// For Python, JavaScript and TypeScript: call each top-level function
    /// the snippet defines (in JavaScript, a `function` declaration or a
    /// variable bound to a function, exported or not) with
    /// edge-case inputs, at most this many calls in all, in one more run
    /// (after the snippet's own code), so that handlers that only fire on
    /// bad input fire; their findings say which call made them. None: no
    /// calls.
    pub calls: Option<u32>,
    /// No call starts once this long has passed since the first (the run's
    /// own limits hold besides); the report's `probes.not_made` counts the
    /// calls left. None: no budget but the run's limits.
    pub budget: Option<std::time::Duration>,
    /// With calls: a known-correct program (`from` names it in findings)
    /// whose functions of the same names are called with the same inputs;
    /// a function whose calls end otherwise (another value returned, an
    /// exception raised where it returned, or the reverse) is a
    /// `wrong_output` finding. Only calls whose labels both runs made are
    /// compared (the labels take the other arguments from each program's
    /// own first call), by the short repr of what they returned or the type
    /// of what they raised.
    pub reference: Option<(Snippet, String)>,
}

impl Probes {
    /// Asks for the determinism check (see [`Probes::determinism`]).
    pub fn determinism(mut self, on: bool) -> Self {
        self.determinism = on;
        self
    }

    /// Expects the run to print `stdout`.
    pub fn expect_stdout(mut self, stdout: impl Into<String>) -> Self {
        self.expected = Some(Expected::Stdout {
            text: stdout.into(),
            from: "the expected output".to_string(),
        });
        self
    }

    /// Asks for calls of the snippet's functions (see [`Probes::calls`]).
    pub fn calls(mut self, most: u32) -> Self {
        self.calls = Some(most);
        self
    }

    /// Gives the calls a time budget (see [`Probes::budget`]).
    pub fn budget(mut self, budget: std::time::Duration) -> Self {
        self.budget = Some(budget);
        self
    }

    /// Compares the calls with those of a reference program (see
    /// [`Probes::reference`]), which findings call `from`.
    pub fn compare_calls_with(mut self, reference: Snippet, from: impl Into<String>) -> Self {
        self.reference = Some((reference, from.into()));
        self
    }

    /// Expects what `expected` says.
    pub fn expect(mut self, expected: Expected) -> Self {
        self.expected = Some(expected);
        self
    }
}

/// What a run is expected to do. Compared only when the run completes (a
/// run that failed is reported as such already).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// Print `text` to stdout (a missing final newline is no difference);
    /// `from` names where it came from in a finding (`the expected output`,
    /// `the output of the reference ref.py`).
    Stdout {
        /// The expected stdout.
        text: String,
        /// What the finding calls it.
        from: String,
    },
    /// Fail, as a reference program (`from`: `the reference ref.py`) failed
    /// on the same input, for `reason`: a run that completes instead hid the
    /// failure, or made up a result.
    Failure {
        /// Why the reference failed (its uncaught exception).
        reason: String,
        /// What the finding calls the reference.
        from: String,
    },
}

/// Runs `snippet` in `sandbox` (as [`Sandbox::run`] does), then the checks
/// `probes` asks for; the run's report, with their findings.
pub async fn run(sandbox: &Sandbox, snippet: &Snippet, probes: &Probes) -> Result<Report> {
    let mut report = sandbox.run(snippet).await?;
    if report.outcome != Outcome::Completed {
        return Ok(report);
    }
    let mut found = Vec::new();
    if let Some(most) = probes.calls
        && matches!(
            snippet.language,
            Language::Python | Language::JavaScript | Language::TypeScript
        )
    {
        // compared with a reference's, the calls draw the same random numbers
        let random = probes.reference.is_some().then_some(SAME_RANDOM);
        found.extend(calls(sandbox, snippet, (most, probes.budget, random), &mut report).await?);
        if let Some((reference, from)) = &probes.reference {
            found.extend(
                reference_calls(sandbox, reference, from, (most, probes.budget), &report).await?,
            );
        }
    }
    if probes.determinism && !sandbox.is_deterministic() {
        found.extend(determinism(sandbox, snippet, &report).await?);
    }
    match &probes.expected {
        Some(Expected::Stdout { text, from }) => {
            if let Some((finding, diff)) =
                wrong_output::check(&report.stdout, text, from, report.truncated, &snippet.file)
            {
                found.push(finding);
                report.output_diff = Some(diff);
            }
        }
        Some(Expected::Failure { reason, from }) => {
            found.push(wrong_output::completed_instead(reason, from, &snippet.file));
        }
        None => {}
    }
    if !found.is_empty() {
        report.findings.extend(found);
        report.findings.sort_by_key(|f| (f.line, f.column, f.kind));
    }
    Ok(report)
}

/// [`run`], blocking the calling thread (not from inside an async runtime).
pub fn run_blocking(sandbox: &Sandbox, snippet: &Snippet, probes: &Probes) -> Result<Report> {
    sandbox.block_on(run(sandbox, snippet, probes))
}

/// Runs `snippet` again with calls of its functions after it, and returns
/// the findings those calls made that the run itself did not have; removes
/// from `report` the latent handlers a call fired.
async fn calls(
    sandbox: &Sandbox,
    snippet: &Snippet,
    (most, budget, determinism): (u32, Option<std::time::Duration>, Option<Determinism>),
    report: &mut Report,
) -> Result<Vec<crate::report::Finding>> {
    use crate::report::FindingKind;
    let mut again = calling(snippet, most, budget);
    if determinism.is_some() {
        again.determinism = determinism;
    }
    let probed = sandbox.run_once(&again).await?;
    report.probes = probed.probes;
    let place = |f: &crate::report::Finding| (f.kind, f.line, f.column);
    let seen: Vec<_> = report.findings.iter().map(place).collect();
    let new: Vec<crate::report::Finding> = probed
        .findings
        .into_iter()
        .filter(|f| f.input.is_some() && !seen.contains(&place(f)))
        .collect();
    // a handler a call fired is no longer latent
    report.findings.retain(|f| {
        f.kind != FindingKind::LatentSwallow
            || !new.iter().any(|n| {
                n.kind == FindingKind::SwallowedException
                    && (n.line, n.column) == (f.line, f.column)
            })
    });
    Ok(new)
}

/// `snippet`, to be run with at most `most` calls of its functions after
/// it, none started after `budget`.
fn calling(snippet: &Snippet, most: u32, budget: Option<std::time::Duration>) -> Snippet {
    let mut again = snippet.clone();
    again.explore = Some(most);
    again.explore_budget = budget;
    again
}

/// The random source of the calls compared with a reference's: fixed, so
/// that a function that draws random numbers draws the same in both (the
/// clock stays free: the budget reads it).
const SAME_RANDOM: Determinism = Determinism {
    clock: false,
    random: true,
};

/// Makes the calls of [`calls`] in `reference` too, and compares how they
/// ended with how the snippet's (in `report`) did: a finding per function
/// whose calls end otherwise.
async fn reference_calls(
    sandbox: &Sandbox,
    reference: &Snippet,
    from: &str,
    (most, budget): (u32, Option<std::time::Duration>),
    report: &Report,
) -> Result<Vec<crate::report::Finding>> {
    let Some(ours) = &report.probes else {
        return Ok(Vec::new());
    };
    let mut again = calling(reference, most, budget);
    again.determinism = Some(SAME_RANDOM);
    let theirs = sandbox.run_once(&again).await?;
    let Some(theirs) = theirs.probes else {
        return Ok(Vec::new());
    };
    Ok(wrong_output::calls_differ(
        &ours.results,
        &theirs.results,
        from,
        &report.file,
    ))
}

/// Runs `snippet` again with the clock and the random source fixed and
/// compares its stdout with `first`'s (a run with both free, whose clock is
/// hours or years from the fixed one); when they differ, two more runs,
/// each with one source free, tell what the output follows.
async fn determinism(
    sandbox: &Sandbox,
    snippet: &Snippet,
    first: &Report,
) -> Result<Option<crate::report::Finding>> {
    let mut again = snippet.clone();
    let mut stdout_with = async |determinism: Determinism| -> Result<Option<String>> {
        again.determinism = Some(determinism);
        let report = sandbox.run_once(&again).await?;
        Ok((report.outcome == Outcome::Completed).then_some(report.stdout))
    };
    let Some(fixed) = stdout_with(Determinism::FIXED).await? else {
        return Ok(None);
    };
    if fixed == first.stdout {
        return Ok(None);
    }
    let random_free = stdout_with(Determinism {
        clock: true,
        random: false,
    })
    .await?;
    let clock_free = stdout_with(Determinism {
        clock: false,
        random: true,
    })
    .await?;
    let varies = Varies {
        random: random_free.is_some_and(|out| out != fixed),
        clock: clock_free.is_some_and(|out| out != fixed),
        // QuickJS seeds `Math.random` from the clock
        random_from_clock: matches!(
            snippet.language,
            Language::JavaScript | Language::TypeScript
        ),
    };
    Ok(nondeterministic_output::check(
        &first.stdout,
        &fixed,
        varies,
        &snippet.file,
    ))
}
