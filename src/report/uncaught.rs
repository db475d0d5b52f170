//! The uncaught exception of a failed run, read back from its stderr the way
//! the guests print it: a Python traceback (`Traceback (most recent call
//! last):` … `ZeroDivisionError: division by zero`), a Python syntax error
//! (`  File "x.py", line 3` … `SyntaxError: …`), a JavaScript `Uncaught
//! ReferenceError: …` with its `at … (x.js:3:5)` frames, or a host-side
//! syntax error (`x.ts:3:5: SyntaxError: …`).
//!
//! Guest output is guest-controlled: what this finds explains an outcome in
//! words and places an annotation, it never decides the outcome.

/// The exception line, and where in the snippet it was raised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncaught<'a> {
    /// Its first line, without any `Uncaught ` prefix (`ZeroDivisionError: division by zero`).
    pub text: &'a str,
    /// The snippet's line it was raised at, when a frame in `file` says so.
    pub line: Option<u32>,
}

const TRACEBACK: &str = "Traceback (most recent call last):";
const UNCAUGHT: &str = "Uncaught ";

/// The last uncaught exception `stderr` shows, for a snippet named `file`.
pub fn uncaught<'a>(stderr: &'a str, file: &str) -> Option<Uncaught<'a>> {
    let lines: Vec<&str> = stderr
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    if let Some(at) = lines.iter().rposition(|l| l.starts_with(UNCAUGHT)) {
        return Some(javascript(&lines[at..], file));
    }
    if let Some(at) = lines.iter().rposition(|l| l.ends_with(TRACEBACK)) {
        return python_traceback(&lines[at..], file);
    }
    syntax_error(&lines, file)
}

/// `Uncaught Name: message` then `    at f (file:line:column)` frames; the
/// innermost frame in the snippet's file gives the line.
fn javascript<'a>(lines: &[&'a str], file: &str) -> Uncaught<'a> {
    let text = &lines[0][UNCAUGHT.len()..];
    let line = lines[1..]
        .iter()
        .take_while(|l| l.starts_with(char::is_whitespace))
        .find_map(|l| line_after(l, &format!("({file}:")));
    Uncaught { text, line }
}

/// A traceback: frames (`  File "x.py", line 7, in f`, innermost last), then
/// the exception's line, the first line that is not indented. Exception
/// groups print the same inside a box (`  | `).
fn python_traceback<'a>(lines: &[&'a str], file: &str) -> Option<Uncaught<'a>> {
    let group = lines[0].trim_start().starts_with('+');
    let frame = format!("File \"{file}\", line ");
    let mut line = None;
    for raw in &lines[1..] {
        let l = if group {
            raw.trim_start().strip_prefix("| ").unwrap_or(raw)
        } else {
            raw
        };
        if l.trim().is_empty() {
            continue;
        }
        if !l.starts_with(char::is_whitespace) {
            return Some(Uncaught { text: l, line });
        }
        if let Some(n) = line_after(l.trim_start(), &frame) {
            line = Some(n);
        }
    }
    None
}

/// A syntax error printed without a traceback: the last line that names an
/// error type (`SyntaxError: …`, or `x.ts:1:5: SyntaxError: …` from the host),
/// with the line from the `File "x.py", line N` above it or the `x.ts:N:`
/// prefix.
fn syntax_error<'a>(lines: &[&'a str], file: &str) -> Option<Uncaught<'a>> {
    let at = lines.iter().rposition(|l| !l.trim().is_empty())?;
    let last = lines[at];
    let prefix = format!("{file}:");
    if let Some(rest) = last.strip_prefix(&prefix) {
        // `4:7: SyntaxError: …`
        let text = rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':')
            .strip_prefix(' ');
        if let Some(text) = text.filter(|t| names_an_error(t)) {
            return Some(Uncaught {
                text,
                line: line_after(last, &prefix),
            });
        }
    }
    if !names_an_error(last) {
        return None;
    }
    let frame = format!("File \"{file}\", line ");
    let line = lines[..at]
        .iter()
        .rev()
        .take_while(|l| l.starts_with(char::is_whitespace))
        .find_map(|l| line_after(l.trim_start(), &frame));
    Some(Uncaught { text: last, line })
}

/// True when `text` starts with an exception type name (`SyntaxError`,
/// `mod.CustomError: …`, `KeyboardInterrupt`).
fn names_an_error(text: &str) -> bool {
    let name = text.split(": ").next().unwrap_or(text);
    let valid = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '$');
    valid
        && [
            "Error",
            "Exception",
            "Interrupt",
            "Exit",
            "Warning",
            "Group",
        ]
        .iter()
        .any(|end| name.ends_with(end))
}

/// The number right after the first `marker` in `text` (`… line 7, …` → 7).
fn line_after(text: &str, marker: &str) -> Option<u32> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    rest[..digits].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(stderr: &str, file: &str) -> Option<(&'static str, Option<u32>)> {
        uncaught(stderr, file).map(|u| (u.text.to_string().leak() as &str, u.line))
    }

    #[test]
    fn reads_a_python_traceback() {
        let stderr = "noise\nTraceback (most recent call last):\n  File \"x.py\", line 5, in <module>\n    f()\n  File \"x.py\", line 3, in f\n    1/0\n    ~^~\nZeroDivisionError: division by zero\nnote line\n";
        assert_eq!(
            found(stderr, "x.py"),
            Some(("ZeroDivisionError: division by zero", Some(3)))
        );
        let chained = format!(
            "{stderr}\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"x.py\", line 9, in <module>\nKeyError: 'k'\n"
        );
        assert_eq!(found(&chained, "x.py"), Some(("KeyError: 'k'", Some(9))));
        assert_eq!(
            found(stderr, "other.py"),
            Some(("ZeroDivisionError: division by zero", None))
        );
    }

    #[test]
    fn reads_an_exception_group() {
        let stderr = "  + Exception Group Traceback (most recent call last):\n  |   File \"x.py\", line 9, in <module>\n  |     raise ExceptionGroup(\"grp\", [ValueError(1)])\n  | ExceptionGroup: grp (1 sub-exception)\n  +-+---------------- 1 ----------------\n    | ValueError: 1\n    +------------------------------------\n";
        assert_eq!(
            found(stderr, "x.py"),
            Some(("ExceptionGroup: grp (1 sub-exception)", Some(9)))
        );
    }

    #[test]
    fn reads_syntax_errors() {
        let py =
            "  File \"x.py\", line 2\n    x = (\n        ^\nSyntaxError: '(' was never closed\n";
        assert_eq!(
            found(py, "x.py"),
            Some(("SyntaxError: '(' was never closed", Some(2)))
        );
        let ts = "x.ts:4:7: SyntaxError: Unexpected token\n";
        assert_eq!(
            found(ts, "x.ts"),
            Some(("SyntaxError: Unexpected token", Some(4)))
        );
    }

    #[test]
    fn reads_a_javascript_uncaught_error() {
        let stderr = "log\nUncaught ReferenceError: Intl is not defined\n    at f (x.js:3:5)\n    at <eval> (x.js:7:1)\n";
        assert_eq!(
            found(stderr, "x.js"),
            Some(("ReferenceError: Intl is not defined", Some(3)))
        );
    }

    #[test]
    fn ignores_plain_output() {
        assert_eq!(found("just a message\n", "x.py"), None);
        assert_eq!(found("", "x.py"), None);
        assert_eq!(
            found(
                "Traceback (most recent call last):\n  File \"x.py\", line 1\n",
                "x.py"
            ),
            None
        );
    }
}
