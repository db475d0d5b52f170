//! Which runtime runs which language: one static table, read by the sandbox
//! to resolve a snippet and to load runtimes on first use.
//!
//! Adding a runtime: a module implementing [`Runtime`](super::runtime::Runtime)
//! with a `load` function, a [`Language`] for its snippets, and an entry here.

use super::runtime::Loader;
use super::{Language, javascript, python, wasm};

/// One runtime: what it is called, the languages it runs, how it is loaded.
pub(crate) struct RuntimeEntry {
    /// The runtime's name, as the compile cache and `candor runtimes` give it.
    pub(crate) name: &'static str,
    /// The languages it runs (the first is what compile notices name).
    pub(crate) languages: &'static [Language],
    pub(crate) load: Loader,
}

/// Every runtime, in the order `candor runtimes` lists them.
pub(crate) static RUNTIMES: &[RuntimeEntry] = &[
    RuntimeEntry {
        name: "python",
        languages: &[Language::Python],
        load: python::load,
    },
    RuntimeEntry {
        name: "javascript",
        languages: &[Language::JavaScript, Language::TypeScript],
        load: javascript::load,
    },
    RuntimeEntry {
        name: "wasm",
        languages: &[Language::Wasm],
        load: wasm::load,
    },
];

/// The index in [`RUNTIMES`] of the runtime that runs `language`.
pub(crate) fn resolve(language: Language) -> Option<usize> {
    RUNTIMES
        .iter()
        .position(|entry| entry.languages.contains(&language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_exactly_one_runtime() {
        for language in Language::ALL {
            let runtimes = RUNTIMES
                .iter()
                .filter(|e| e.languages.contains(&language))
                .count();
            assert_eq!(runtimes, 1, "{}", language.name());
        }
    }
}
