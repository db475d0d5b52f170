//! Zig's `catch` with a constant or an empty block (`x catch 0`,
//! `f() catch {}`) is Python's `except: return 0`: the error is gone and a
//! made-up value or nothing stands in. This pass finds those catches in the
//! source and rewrites each, on its own line, so that when it fires it tells
//! the host (the error's name and the catch's position), then gives the same
//! value. A `catch |err| ...` names the error and is left alone, as are
//! `catch unreachable` (loud) and `catch return ...` (propagates).

use crate::detect::libc_calls::CatchSite;

/// The source with every constant catch instrumented, and the sites; the
/// source unchanged when there are none.
pub(crate) fn instrument(source: &str) -> (String, Vec<CatchSite>) {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut sites = Vec::new();
    let mut copied = 0;
    let mut at = 0;
    let mut line: u32 = 1;
    let mut line_start = 0;
    while at < bytes.len() {
        let c = bytes[at];
        match c {
            b'\n' => {
                line += 1;
                at += 1;
                line_start = at;
            }
            // a comment, or a line of a multiline string: to the end of the line
            b'/' if bytes.get(at + 1) == Some(&b'/') => at = end_of_line(bytes, at),
            b'\\' if bytes.get(at + 1) == Some(&b'\\') => at = end_of_line(bytes, at),
            b'"' | b'\'' => at = end_of_quoted(bytes, at),
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'@' => {
                let start = at;
                at += 1;
                while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
                    at += 1;
                }
                if &bytes[start..at] != b"catch" {
                    continue;
                }
                let Some((value, value_start, value_end)) = constant_after(bytes, at) else {
                    continue;
                };
                let column = (start - line_start) as u32 + 1;
                let end_column = (value_end - line_start) as u32 + 1;
                let label = sites.len();
                let prefix = format!(
                    "{{\"call\":\"catch\",\"line\":{line},\"column\":{column},\"error\":\""
                );
                out.push_str(&source[copied..at]);
                let report = format!(
                    " |candor_err| candor_blk_{label}: {{ candor_rt.caught(@errorName(candor_err), {}); ",
                    zig_string(&prefix)
                );
                out.push_str(&report);
                if value.is_empty() {
                    out.push_str(&format!("break :candor_blk_{label}; }}"));
                } else {
                    out.push_str(&format!("break :candor_blk_{label} {value}; }}"));
                }
                copied = value_end;
                let _ = value_start;
                at = value_end;
                sites.push(CatchSite {
                    line,
                    column,
                    end_column,
                    value,
                });
            }
            _ => at += 1,
        }
    }
    if sites.is_empty() {
        return (source.to_string(), sites);
    }
    out.push_str(&source[copied..]);
    out.push_str(RUNTIME);
    (out, sites)
}

/// What the rewritten catches call, appended to the file (Zig's top-level
/// declarations need no order, so no line moves).
const RUNTIME: &str = r#"
const candor_rt = struct {
    extern "candor" fn event(text: [*]const u8, len: usize) void;
    fn caught(name: []const u8, comptime prefix: []const u8) void {
        var buf: [prefix.len + 130]u8 = undefined;
        @memcpy(buf[0..prefix.len], prefix);
        const kept = name[0..@min(name.len, 126)];
        @memcpy(buf[prefix.len..][0..kept.len], kept);
        const end = prefix.len + kept.len;
        buf[end] = '"';
        buf[end + 1] = '}';
        event(&buf, end + 2);
    }
};
"#;

fn end_of_line(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| at + n)
}

/// Past a string or character literal starting at `at` (or at the end of
/// its line, where an unterminated one stops).
fn end_of_quoted(bytes: &[u8], at: usize) -> usize {
    let quote = bytes[at];
    let mut i = at + 1;
    while i < bytes.len() && bytes[i] != b'\n' {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    i.min(bytes.len())
}

/// The constant after `catch` at `at`: its text (empty for `{}`), where it
/// starts and where it ends. None for anything else (a capture, an
/// expression, `unreachable`, `return`).
fn constant_after(bytes: &[u8], at: usize) -> Option<(String, usize, usize)> {
    let mut i = at;
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    if i == at {
        return None;
    }
    let start = i;
    let end = match *bytes.get(i)? {
        b'{' => {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if bytes.get(j) != Some(&b'}') {
                return None;
            }
            return Some((String::new(), start, j + 1));
        }
        b'"' => {
            let end = end_of_quoted(bytes, i);
            if bytes.get(end - 1) != Some(&b'"') || end == i + 1 {
                return None;
            }
            end
        }
        b'-' | b'0'..=b'9' => {
            let mut j = i + usize::from(bytes[i] == b'-');
            if !bytes.get(j)?.is_ascii_digit() {
                return None;
            }
            while j < bytes.len()
                && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'.')
            {
                j += 1;
            }
            j
        }
        c if c.is_ascii_alphabetic() => {
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                j += 1;
            }
            match &bytes[i..j] {
                b"null" | b"true" | b"false" => j,
                _ => return None,
            }
        }
        _ => return None,
    };
    // the constant must be the whole operand: what follows ends the expression
    let mut k = end;
    while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t') {
        k += 1;
    }
    match bytes.get(k) {
        None | Some(b';' | b',' | b')' | b'\n' | b'}' | b']') => {}
        Some(b'/') if bytes.get(k + 1) == Some(&b'/') => {}
        _ => return None,
    }
    let text = std::str::from_utf8(&bytes[start..end]).ok()?.to_string();
    Some((text, start, end))
}

/// `text` as a Zig string literal.
fn zig_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_graphic() || c == ' ' => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_catches_are_found_and_others_left_alone() {
        let source = "const a = f() catch 0;\n\
                      g() catch {};\n\
                      const b = f() catch |e| return e;\n\
                      const c = f() catch unreachable;\n\
                      // x catch 0\n\
                      const s = \"y catch 0\";\n\
                      const d = f() catch -1.5;\n\
                      const e = f() catch null;\n\
                      const g2 = f() catch 0 + 1;\n";
        let (out, sites) = instrument(source);
        let found: Vec<(u32, u32, &str)> = sites
            .iter()
            .map(|s| (s.line, s.column, s.value.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![(1, 15, "0"), (2, 5, ""), (7, 15, "-1.5"), (8, 15, "null")]
        );
        // every original line stays on its line
        assert_eq!(out.lines().take(9).count(), source.lines().count(),);
        assert!(out.contains("break :candor_blk_0 0; }"), "{out}");
        assert!(out.contains("candor_rt.caught"), "{out}");
    }

    #[test]
    fn columns_count_from_the_start_of_each_line() {
        let source = "const std = @import(\"std\");\n\nfn f(t: []const u8) u16 {\n    return std.fmt.parseInt(u16, t, 10) catch 8080;\n}\n";
        let (_, sites) = instrument(source);
        assert_eq!((sites[0].line, sites[0].column), (4, 41));
    }

    #[test]
    fn a_source_without_such_catches_is_unchanged() {
        let source = "pub fn main() void { _ = f() catch |e| @panic(@errorName(e)); }\n";
        assert_eq!(instrument(source), (source.to_string(), vec![]));
    }
}
