//! Which files `candor check` runs: explicit files, and files of a supported
//! language under directories (honouring .gitignore), filtered by globs.

use crate::cli::exit::Exit;
use candor::Language;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// One thing to check.
pub(crate) enum Input {
    File(PathBuf),
    Missing { file: String, error: String },
}

impl Input {
    /// The name the input is reported under.
    pub(crate) fn key(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Missing { file, .. } => file.clone(),
        }
    }
}

/// Expands `paths` into inputs sorted by path.
pub(crate) fn inputs(
    paths: &[PathBuf],
    include: &[String],
    exclude: &[String],
) -> Result<Vec<Input>, Exit> {
    let include = globs(include, "--include")?;
    let exclude = globs(exclude, "--exclude")?;
    let mut found = Vec::new();
    for root in paths {
        if !root.exists() {
            found.push(Input::Missing {
                file: root.display().to_string(),
                error: "no such file or directory".to_string(),
            });
            continue;
        }
        if !root.is_dir() {
            if !matches(&exclude, root, root) {
                found.push(Input::File(root.clone()));
            }
            continue;
        }
        let walker = ignore::WalkBuilder::new(root).require_git(false).build();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    found.push(Input::Missing {
                        file: root.display().to_string(),
                        error: e.to_string(),
                    });
                    continue;
                }
            };
            let path = entry.path();
            if !entry.file_type().is_some_and(|t| t.is_file())
                || Language::from_path(path).is_none()
            {
                continue;
            }
            let relative = path.strip_prefix(root).unwrap_or(path);
            if let Some(set) = &include
                && !set.is_match(relative)
                && !set.is_match(path)
            {
                continue;
            }
            if matches(&exclude, relative, path) {
                continue;
            }
            // `candor check .` names files `src/x.py`, not `./src/x.py`
            let shown = path.strip_prefix(".").unwrap_or(path);
            found.push(Input::File(shown.to_path_buf()));
        }
    }
    found.sort_by_key(Input::key);
    found.dedup_by(|a, b| a.key() == b.key());
    Ok(found)
}

fn matches(set: &Option<GlobSet>, relative: &Path, full: &Path) -> bool {
    set.as_ref()
        .is_some_and(|s| s.is_match(relative) || s.is_match(full))
}

fn globs(patterns: &[String], flag: &str) -> Result<Option<GlobSet>, Exit> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder
            .add(Glob::new(p).map_err(|e| Exit::usage(format!("invalid {flag} glob {p:?}: {e}")))?);
    }
    builder
        .build()
        .map(Some)
        .map_err(|e| Exit::usage(format!("invalid {flag} globs: {e}")))
}
