//! Which runtime runs which language: one static table, read by the sandbox
//! to resolve a snippet and to load runtimes on first use.
//!
//! Adding a runtime: a module implementing [`Runtime`](super::runtime::Runtime)
//! with a `load` function, a [`Language`] for its snippets, and an entry here.

use super::runtime::Loader;
use super::{Language, javascript, native, python, python_data, wasm};

/// One runtime: what it is called, the languages it runs, how it is loaded.
pub(crate) struct RuntimeEntry {
    /// The runtime's name, as the compile cache and `candor runtimes` give it.
    pub(crate) name: &'static str,
    /// The languages it runs (the first is what compile notices name).
    pub(crate) languages: &'static [Language],
    /// Installed on demand (`candor runtimes install NAME`), and never a
    /// language's default: a snippet runs on it only when it names it.
    pub(crate) optional: bool,
    pub(crate) load: Loader,
}

/// Every runtime, in the order `candor runtimes` lists them.
pub(crate) static RUNTIMES: &[RuntimeEntry] = &[
    RuntimeEntry {
        name: "python",
        languages: &[Language::Python],
        optional: false,
        load: python::load,
    },
    RuntimeEntry {
        name: "javascript",
        languages: &[Language::JavaScript, Language::TypeScript],
        optional: false,
        load: javascript::load,
    },
    RuntimeEntry {
        name: "wasm",
        languages: &[Language::Wasm],
        optional: false,
        load: wasm::load,
    },
    RuntimeEntry {
        name: "native",
        languages: &[Language::C, Language::Cpp, Language::Zig],
        optional: false,
        load: native::load,
    },
    RuntimeEntry {
        name: python_data::NAME,
        languages: &[Language::Python],
        optional: true,
        load: python_data::load,
    },
];

/// The index in [`RUNTIMES`] of the runtime that runs `language` by default.
/// The languages the runtime named `name` runs (`candor runtimes` lists the
/// names), or None when no runtime has that name.
pub fn runtime_languages(name: &str) -> Option<&'static [Language]> {
    RUNTIMES
        .iter()
        .find(|entry| entry.name == name)
        .map(|entry| entry.languages)
}

pub(crate) fn resolve(language: Language) -> Option<usize> {
    RUNTIMES
        .iter()
        .position(|entry| !entry.optional && entry.languages.contains(&language))
}

/// The index in [`RUNTIMES`] of the runtime called `name`, which must run
/// `language`; the error says what is known.
pub(crate) fn resolve_named(name: &str, language: Language) -> Result<usize, String> {
    let Some(index) = RUNTIMES.iter().position(|entry| entry.name == name) else {
        let known: Vec<&str> = RUNTIMES.iter().map(|e| e.name).collect();
        return Err(format!(
            "unknown runtime {name:?} (known: {})",
            known.join(", ")
        ));
    };
    let entry = &RUNTIMES[index];
    if entry.languages.contains(&language) {
        Ok(index)
    } else {
        let runs: Vec<&str> = entry.languages.iter().map(|l| l.name()).collect();
        Err(format!(
            "the {name} runtime does not run {} snippets (it runs {})",
            language.name(),
            runs.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_runtime_must_exist_and_run_the_language() {
        assert_eq!(
            resolve_named("python", Language::Python),
            Ok(resolve(Language::Python).unwrap())
        );
        assert_eq!(
            resolve_named("pythn", Language::Python),
            Err(
                "unknown runtime \"pythn\" (known: python, javascript, wasm, native, python-data)"
                    .to_string()
            )
        );
        assert_eq!(
            resolve_named("wasm", Language::Python),
            Err("the wasm runtime does not run python snippets (it runs wasm)".to_string())
        );
    }

    #[test]
    fn every_language_has_exactly_one_default_runtime() {
        for language in Language::ALL {
            let runtimes = RUNTIMES
                .iter()
                .filter(|e| !e.optional && e.languages.contains(&language))
                .count();
            assert_eq!(runtimes, 1, "{}", language.name());
        }
        assert_eq!(
            resolve_named("python-data", Language::Python),
            Ok(RUNTIMES.len() - 1)
        );
        assert_eq!(RUNTIMES[resolve(Language::Python).unwrap()].name, "python");
    }
}
