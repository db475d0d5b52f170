//! A snippet's source as lines numbered the way its findings are: line and
//! column numbers are guest data, so excerpts clamp them instead of trusting
//! them.

/// The lines of `source`, split the way the line numbers of `language`'s
/// findings count them: Python ends a line at `\n`, `\r\n` or a lone `\r`
/// (universal newlines, as its tokenizer does); JavaScript and TypeScript
/// positions count `\n` only, so there a `\r` before it is dropped and a lone
/// `\r` stays inside its line.
pub fn source_lines<'a>(source: &'a str, language: &str) -> Vec<&'a str> {
    if language == "python" {
        let mut lines = Vec::new();
        let mut rest = source;
        while !rest.is_empty() {
            match rest.find(['\r', '\n']) {
                None => {
                    lines.push(rest);
                    break;
                }
                Some(i) => {
                    lines.push(&rest[..i]);
                    let width = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                    rest = &rest[i + width..];
                }
            }
        }
        lines
    } else {
        source
            .lines()
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect()
    }
}

/// Line `line` (1-based) of `lines`; None for 0 or past the end.
pub(crate) fn line_at<'a>(lines: &[&'a str], line: u32) -> Option<&'a str> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    lines.get(index).copied()
}

/// The byte offset of 1-based byte column `column` in `text`, clamped to the
/// line and moved back to the start of the character it falls in.
pub(crate) fn column_offset(text: &str, column: u32) -> usize {
    let mut at = usize::try_from(column.saturating_sub(1))
        .unwrap_or(usize::MAX)
        .min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_counts_every_line_ending() {
        assert_eq!(
            source_lines("a\rb\r\nc\nd\r", "python"),
            ["a", "b", "c", "d"]
        );
        assert_eq!(source_lines("a\n\nb", "python"), ["a", "", "b"]);
        assert_eq!(source_lines("a\r\rb", "python"), ["a", "", "b"]);
        assert!(source_lines("", "python").is_empty());
    }

    #[test]
    fn javascript_counts_newlines_only() {
        assert_eq!(
            source_lines("a\rb\r\nc\nd", "javascript"),
            ["a\rb", "c", "d"]
        );
    }

    #[test]
    fn lines_and_columns_are_clamped() {
        assert_eq!(line_at(&["a", "b"], 0), None);
        assert_eq!(line_at(&["a", "b"], 2), Some("b"));
        assert_eq!(line_at(&["a", "b"], u32::MAX), None);
        assert_eq!(column_offset("héllo", 3), 1);
        assert_eq!(column_offset("héllo", 4), 3);
        assert_eq!(column_offset("héllo", 0), 0);
        assert_eq!(column_offset("héllo", u32::MAX), 6);
    }
}
