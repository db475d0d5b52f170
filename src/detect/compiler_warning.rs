//! `compiler_warning`: the warnings of a C or C++ compile that mean a wrong
//! value without a failure (see `compiler_warning.md`), one finding each.

use crate::report::{Finding, FindingKind};

/// The warning flags reported; any other warning is not.
const REPORTED: &[&str] = &[
    "-Wformat",
    "-Wformat-extra-args",
    "-Wformat-insufficient-args",
    "-Wuninitialized",
    "-Wsometimes-uninitialized",
    "-Wconditional-uninitialized",
    "-Wreturn-type",
    "-Wconstant-conversion",
    "-Wliteral-conversion",
    "-Warray-bounds",
    "-Wunused-result",
];

/// The findings for the compiler's diagnostics `warnings` (clang's
/// `FILE:LINE:COL: warning: MESSAGE [-WFLAG]` lines) about the file the
/// compiler knew as `compiled_as`, reported under the name `file`.
pub(crate) fn check(warnings: &str, compiled_as: &str, file: &str) -> Vec<Finding> {
    let prefix = format!("{compiled_as}:");
    let mut findings: Vec<Finding> = warnings
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix(&prefix)?;
            let (line_no, rest) = rest.split_once(':')?;
            let (column, rest) = rest.split_once(':')?;
            let message = rest.strip_prefix(" warning: ")?;
            let (text, flag) = message.rsplit_once(" [")?;
            let flag = flag.strip_suffix(']')?.split(',').next()?;
            if !REPORTED.contains(&flag) {
                return None;
            }
            let line: u32 = line_no.parse().ok()?;
            let column: u32 = column.parse().ok()?;
            let kind = FindingKind::CompilerWarning;
            Some(Finding {
                kind,
                severity: kind.severity(),
                message: format!("the compiler warned: {text} [{flag}]"),
                file: file.to_string(),
                line,
                column,
                end_line: line,
                end_column: 0,
                exception: None,
                value: None,
                count: 0,
                strict: None,
                input: None,
            })
        })
        .collect();
    findings.dedup_by(|a, b| a.line == b.line && a.column == b.column && a.message == b.message);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_listed_warnings_about_the_users_file_are_findings() {
        let warnings = "\
x.c:3:1: warning: non-void function does not return a value in all control paths [-Wreturn-type]
x.c:7:20: warning: format specifies type 'int' but the argument has type 'double' [-Wformat]
x.c:9:9: warning: unused variable 'y' [-Wunused-variable]
candor_libc.c:1:1: warning: something [-Wformat]
other.h:2:2: warning: format specifies type 'int' [-Wformat]
x.c:7:20: note: a note
";
        let found = check(warnings, "x.c", "src/x.c");
        let seen: Vec<(u32, u32, &str)> = found
            .iter()
            .map(|f| (f.line, f.column, f.message.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (
                    3,
                    1,
                    "the compiler warned: non-void function does not return a value in all control paths [-Wreturn-type]"
                ),
                (
                    7,
                    20,
                    "the compiler warned: format specifies type 'int' but the argument has type 'double' [-Wformat]"
                ),
            ]
        );
        assert!(
            found
                .iter()
                .all(|f| f.file == "src/x.c" && f.kind == FindingKind::CompilerWarning)
        );
    }
}
