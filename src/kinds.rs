//! Finding-kind metadata in one table: the id, severity, CWE and
//! documentation of each kind. A leaf: detection and the report renderings
//! both read it, and neither needs the other for it.

use serde::{Deserialize, Serialize};

/// What candor knows about one finding kind.
struct KindInfo {
    /// The snake_case id, as JSON, SARIF and `--explain` give it.
    id: &'static str,
    severity: Severity,
    cwe: u32,
    /// The documentation (`src/detect/<id>.md`, `src/probe/<id>.md`).
    doc: &'static str,
}

/// The documentation of `fabricated_value`.
pub(crate) const FABRICATED_VALUE_DOC: &str = include_str!("detect/fabricated_value.md");
/// The documentation of `swallowed_exception`.
pub(crate) const SWALLOWED_EXCEPTION_DOC: &str = include_str!("detect/swallowed_exception.md");
/// The documentation of `latent_swallow`.
pub(crate) const LATENT_SWALLOW_DOC: &str = include_str!("detect/latent_swallow.md");

/// The documentation of `compiler_warning`.
pub(crate) const COMPILER_WARNING_DOC: &str = include_str!("detect/compiler_warning.md");

/// The documentation of `data_coerced`.
pub(crate) const DATA_COERCED_DOC: &str = include_str!("detect/data_coerced.md");

/// The documentation of `wrong_output`.
pub(crate) const WRONG_OUTPUT_DOC: &str = include_str!("probe/wrong_output.md");

/// The documentation of `nondeterministic_output`.
pub(crate) const NONDETERMINISTIC_OUTPUT_DOC: &str =
    include_str!("probe/nondeterministic_output.md");

/// Every finding kind, in the order of [`FindingKind`]'s variants.
const KINDS: [KindInfo; 7] = [
    KindInfo {
        id: "fabricated_value",
        severity: Severity::Error,
        cwe: 393,
        doc: FABRICATED_VALUE_DOC,
    },
    KindInfo {
        id: "swallowed_exception",
        severity: Severity::Warning,
        cwe: 390,
        doc: SWALLOWED_EXCEPTION_DOC,
    },
    KindInfo {
        id: "latent_swallow",
        severity: Severity::Info,
        cwe: 703,
        doc: LATENT_SWALLOW_DOC,
    },
    KindInfo {
        id: "compiler_warning",
        severity: Severity::Info,
        cwe: 758,
        doc: COMPILER_WARNING_DOC,
    },
    KindInfo {
        id: "data_coerced",
        severity: Severity::Warning,
        cwe: 1287,
        doc: DATA_COERCED_DOC,
    },
    KindInfo {
        id: "wrong_output",
        severity: Severity::Error,
        cwe: 684,
        doc: WRONG_OUTPUT_DOC,
    },
    KindInfo {
        id: "nondeterministic_output",
        severity: Severity::Warning,
        cwe: 758,
        doc: NONDETERMINISTIC_OUTPUT_DOC,
    },
];

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something a linter would see: a handler that would swallow, but did not fire.
    Info,
    /// An exception that was caught and dropped during the run.
    Warning,
    /// A made-up value that stood in for a real result during the run.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and text.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The kinds of finding candor reports; see [`crate::detect`] for each rule.
/// Adding one: a variant here, its row in [`KINDS`] (same order), and its rule in `detect`.
/// New kinds will be added: a `match` needs a `_` arm ([`FindingKind::ALL`]
/// lists the current ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// A placeholder stood in for the real result after an exception (CWE-393).
    FabricatedValue,
    /// An exception was caught and dropped (CWE-390).
    SwallowedException,
    /// A handler that would swallow an exception, seen but not fired (CWE-703).
    LatentSwallow,
    /// A compiler warning that means a wrong value without a failure, in a
    /// compiled program (CWE-758).
    CompilerWarning,
    /// A library call turned bad or missing data into plausible data without
    /// raising (pandas' `errors="coerce"`, `fillna(0)`, rows dropped by a
    /// merge), with counts (CWE-1287).
    DataCoerced,
    /// The run's stdout is not the output it was expected to print (CWE-684).
    WrongOutput,
    /// Two runs of the snippet printed different output (CWE-758).
    NondeterministicOutput,
}

impl FindingKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [FindingKind; 7] = [
        FindingKind::FabricatedValue,
        FindingKind::SwallowedException,
        FindingKind::LatentSwallow,
        FindingKind::CompilerWarning,
        FindingKind::DataCoerced,
        FindingKind::WrongOutput,
        FindingKind::NondeterministicOutput,
    ];

    /// The snake_case id (`swallowed_exception`).
    pub fn as_str(self) -> &'static str {
        self.info().id
    }

    /// How serious a finding of this kind is.
    pub fn severity(self) -> Severity {
        self.info().severity
    }

    /// The CWE this kind maps to (`390` for CWE-390).
    pub fn cwe(self) -> u32 {
        self.info().cwe
    }

    /// The documentation of this kind (Markdown): what it does, why it is
    /// bad, an example, what to do instead, references.
    pub fn explanation(self) -> &'static str {
        self.info().doc
    }

    /// This kind's row of [`KINDS`].
    fn info(self) -> &'static KindInfo {
        // KINDS is in declaration order (checked by the test below)
        &KINDS[self as usize]
    }

    /// Whether findings of this kind are about the run's output as a whole,
    /// not a line of the source (their line is 1).
    pub fn is_about_output(self) -> bool {
        matches!(
            self,
            FindingKind::WrongOutput | FindingKind::NondeterministicOutput
        )
    }

    /// Looks a kind up by its id.
    pub fn from_id(id: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.as_str() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_row_per_kind_in_order() {
        assert_eq!(KINDS.len(), FindingKind::ALL.len());
        for (i, kind) in FindingKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, i);
            // the row's id is the variant's name in JSON
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", KINDS[i].id));
            assert_eq!(FindingKind::from_id(kind.as_str()), Some(kind));
            assert!(
                kind.explanation().contains("## What it does"),
                "{}",
                kind.as_str()
            );
        }
    }
}
