//! Guest text made safe for a terminal, and shortened without losing its end.
//!
//! Everything a snippet controls (its output, exception messages, reprs, file
//! names, source lines) may hold escape sequences that recolour, hide or
//! retitle the terminal, or bidirectional overrides that reorder what is
//! shown. Text renderings show those characters the way compilers do, as
//! `\u{…}` with the code point in lowercase hex (`ESC` is `\u{1b}`).

use std::borrow::Cow;

/// True for the characters text output never passes through raw: C0 controls
/// (including `\r`), DEL, C1 controls, and the bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069). `\n` and `\t`
/// are controls too; the callers decide whether they are kept.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text shown for `c` when it is escaped: `\u{1b}`.
fn escaped(c: char, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

fn escape_with(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            escaped(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escapes `text` for one line of terminal output: every unsafe character
/// but `\t`, line breaks included, is shown as `\u{…}`.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape_with(text, |c| c == '\t')
}

/// Escapes `text` for a block of terminal output (a snippet's stdout or
/// stderr): `\n` and `\t` stay, every other unsafe character (`\r` included)
/// is shown as `\u{…}`.
pub fn escape_block(text: &str) -> Cow<'_, str> {
    escape_with(text, |c| c == '\n' || c == '\t')
}

/// How many columns `c` takes once escaped (one for a character shown as it
/// is; wide characters are not measured).
pub(crate) fn line_width(c: char) -> usize {
    if is_unsafe(c) && c != '\t' {
        // `\u{` + hex digits + `}`
        let digits = (32 - (c as u32).leading_zeros()).div_ceil(4).max(1) as usize;
        digits + 4
    } else {
        1
    }
}

/// Characters kept from the start of a shortened text.
pub(crate) const SHORT_HEAD: usize = 80;
/// Characters kept from the end of a shortened text.
pub(crate) const SHORT_TAIL: usize = 40;

/// `text` if it has at most 121 characters, else its first 80 characters,
/// `…`, and its last 40: an exception message keeps both its start and its
/// (often telling) end. Cuts only between characters.
pub fn shorten(text: &str) -> Cow<'_, str> {
    shorten_to(text, SHORT_HEAD, SHORT_TAIL)
}

/// [`shorten`] with other head and tail lengths, in characters.
pub(crate) fn shorten_to(text: &str, head: usize, tail: usize) -> Cow<'_, str> {
    let limit = head.saturating_add(tail).saturating_add(1);
    // byte length bounds the character count: most texts need no counting
    if text.len() <= limit || text.chars().nth(limit).is_none() {
        return Cow::Borrowed(text);
    }
    let head_end = text.char_indices().nth(head).map_or(text.len(), |(i, _)| i);
    let tail_start = if tail == 0 {
        text.len()
    } else {
        text.char_indices().nth_back(tail - 1).map_or(0, |(i, _)| i)
    };
    Cow::Owned(format!("{}…{}", &text[..head_end], &text[tail_start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_c1_and_bidi_overrides() {
        assert_eq!(escape_line("a\x1b[8mb\n\tc"), "a\\u{1b}[8mb\\u{a}\tc");
        assert_eq!(
            escape_block("a\x1b]0;t\x07\r\n\tb\u{7f}"),
            "a\\u{1b}]0;t\\u{7}\\u{d}\n\tb\\u{7f}"
        );
        assert_eq!(
            escape_line("\u{9b}x\u{202e}y\u{2069}"),
            "\\u{9b}x\\u{202e}y\\u{2069}"
        );
        assert!(matches!(escape_line("héllo"), Cow::Borrowed(_)));
    }

    #[test]
    fn widths_match_the_escapes() {
        for c in [
            '\0', '\x1b', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\n', '\r',
        ] {
            assert_eq!(
                line_width(c),
                escape_line(&c.to_string()).chars().count(),
                "{c:?}"
            );
        }
        assert_eq!(line_width('\t'), 1);
        assert_eq!(line_width('é'), 1);
    }

    #[test]
    fn shortening_keeps_the_head_and_the_tail_on_char_boundaries() {
        assert_eq!(shorten_to("abcdefghij", 3, 2), "abc…ij");
        assert_eq!(shorten_to("abcdef", 3, 2), "abcdef");
        assert_eq!(shorten_to("ééééééé", 2, 2), "éé…éé");
        assert_eq!(shorten_to("ééééééé", 2, 0), "éé…");
        let long = format!("{}{}", "x".repeat(500), "the end");
        let short = shorten(&long);
        assert_eq!(short.chars().count(), SHORT_HEAD + 1 + SHORT_TAIL);
        assert!(short.ends_with("the end"));
    }
}
