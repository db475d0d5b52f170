//! Checks on the text a guest is given (environment variables, arguments,
//! names), so that a value the guest cannot accept is a one-line error on the
//! host instead of a failure inside the guest, and the escape that keeps an
//! error quoting such text on one line. Pure functions over strings: the
//! JSONL fuzz target builds this file on its own.

/// `text` with its control characters escaped (`\n`, `\u{1b}`), for an error
/// that quotes untrusted text (a file name, a parser's message about a line).
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Why `key` cannot name an environment variable of the guest, if it cannot.
fn env_key_problem(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        Some("the name is empty")
    } else if key.contains('=') {
        Some("the name contains '='")
    } else if key.contains('\0') {
        Some("the name contains a NUL character")
    } else {
        None
    }
}

/// Checks an environment variable for the guest: a non-empty name without
/// `=` or NUL, a value without NUL.
pub(crate) fn check_env(key: &str, value: &str) -> Result<(), String> {
    let problem = env_key_problem(key).or_else(|| {
        value
            .contains('\0')
            .then_some("the value contains a NUL character")
    });
    match problem {
        Some(why) => Err(format!("invalid environment variable {key:?}: {why}")),
        None => Ok(()),
    }
}

/// Checks an argument for the guest: no NUL.
pub(crate) fn check_arg(arg: &str) -> Result<(), String> {
    match arg.contains('\0') {
        true => Err(format!(
            "invalid argument {arg:?}: it contains a NUL character"
        )),
        false => Ok(()),
    }
}

/// Checks the name a snippet is run under (its file name in tracebacks): no NUL.
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    match name.contains('\0') {
        true => Err(format!(
            "invalid name {name:?}: it contains a NUL character"
        )),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_the_guest_cannot_take() {
        assert_eq!(check_env("A", "b=c"), Ok(()));
        assert_eq!(
            check_env("A=B", "c").unwrap_err(),
            r#"invalid environment variable "A=B": the name contains '='"#
        );
        assert!(check_env("", "c").is_err());
        assert!(check_env("A\0", "c").is_err());
        assert!(check_env("A", "c\0").is_err());
        assert!(check_arg("a\0b").is_err());
        assert!(check_name("x\0.py").is_err());
        assert_eq!(check_arg("-x"), Ok(()));
        assert_eq!(one_line("a\nb\u{1b}[8m"), "a\\nb\\u{1b}[8m");
    }
}
