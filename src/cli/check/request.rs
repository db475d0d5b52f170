//! One line of `candor check --jsonl` read into a request, with every check on
//! its untrusted text: a pure function of the line. The fuzz target
//! (`fuzz/fuzz_targets/jsonl_request.rs`) builds this file on its own.

use crate::cli::guest_input::{check_arg, check_env, check_name, one_line};
use serde::Deserialize;
use std::collections::BTreeMap;

/// An input line as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: serde_json::Value,
    language: String,
    #[serde(default)]
    code: Option<String>,
    /// The program as base64 (standard alphabet), for binary programs (`wasm`).
    #[serde(default)]
    code_base64: Option<String>,
    #[serde(default)]
    stdin: Option<String>,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    /// What the run should print to stdout (a `wrong_output` finding if not).
    #[serde(default)]
    expected_stdout: Option<String>,
}

/// A line that can run, in language `L`.
#[derive(Debug, PartialEq)]
pub(crate) struct Request<L> {
    /// The id, echoed in the answer as given.
    pub(crate) id: serde_json::Value,
    /// The name the snippet runs under: the id if it is a string, else its JSON.
    pub(crate) name: String,
    pub(crate) language: L,
    /// The program: the `code` text's bytes, or the decoded `code_base64`.
    pub(crate) code: Vec<u8>,
    pub(crate) stdin: Vec<u8>,
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
    pub(crate) expected_stdout: Option<String>,
}

/// The most bytes one part of a line may have, and how an error names that cap
/// ("16 MiB, the most candor reads for a source file").
pub(crate) struct Cap {
    pub(crate) bytes: usize,
    pub(crate) shown: String,
}

/// The caps on a line's `code` and `stdin`.
pub(crate) struct Caps {
    pub(crate) code: Cap,
    pub(crate) stdin: Cap,
}

/// A line that cannot run: its id when one could be read (else null), and why.
#[derive(Debug, PartialEq)]
pub(crate) struct Rejected {
    pub(crate) id: serde_json::Value,
    pub(crate) why: String,
}

/// Reads one input line. `language` maps the `language` field to a language,
/// or None for one that is unknown.
pub(crate) fn parse<L>(
    line: &str,
    caps: &Caps,
    language: impl Fn(&str) -> Option<L>,
) -> Result<Request<L>, Rejected> {
    let fields: Line = serde_json::from_str(line).map_err(|e| Rejected {
        // keep the id when the line is an object that has one
        id: serde_json::from_str::<serde_json::Value>(line)
            .ok()
            .and_then(|v| v.get("id").cloned())
            .unwrap_or(serde_json::Value::Null),
        why: one_line(&e.to_string()),
    })?;
    let id = fields.id;
    let reject = |why: String| Rejected {
        id: id.clone(),
        why,
    };
    let name = match &id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    check_name(&name).map_err(|why| reject(format!("id: {why}")))?;
    let Some(lang) = language(&fields.language) else {
        return Err(reject(format!("unknown language {:?}", fields.language)));
    };
    let field = if fields.code_base64.is_some() {
        "code_base64"
    } else {
        "code"
    };
    let code = match (fields.code, fields.code_base64) {
        (Some(code), None) => code.into_bytes(),
        (None, Some(encoded)) => {
            // checked before decoding, which cannot shrink it below 3/4
            if encoded.len() / 4 * 3 > caps.code.bytes.saturating_add(2) {
                return Err(reject(format!(
                    "code_base64: larger than {}",
                    caps.code.shown
                )));
            }
            decode_base64(&encoded).map_err(|why| reject(format!("code_base64: {why}")))?
        }
        (None, None) => {
            return Err(reject(
                "missing field `code` (or `code_base64`)".to_string(),
            ));
        }
        (Some(_), Some(_)) => {
            return Err(reject(
                "both `code` and `code_base64`: give the program once".to_string(),
            ));
        }
    };
    if code.len() > caps.code.bytes {
        return Err(reject(format!("{field}: larger than {}", caps.code.shown)));
    }
    let stdin = fields.stdin.unwrap_or_default().into_bytes();
    if stdin.len() > caps.stdin.bytes {
        return Err(reject(format!("stdin: larger than {}", caps.stdin.shown)));
    }
    for arg in &fields.args {
        check_arg(arg).map_err(|why| reject(format!("args: {why}")))?;
    }
    for (key, value) in &fields.env {
        check_env(key, value).map_err(|why| reject(format!("env: {why}")))?;
    }
    Ok(Request {
        id,
        name,
        language: lang,
        code,
        stdin,
        args: fields.args,
        env: fields.env.into_iter().collect(),
        expected_stdout: fields.expected_stdout,
    })
}

/// Decodes standard base64 (`A-Z a-z 0-9 + /`, `=` padding optional),
/// naming the first character that is not part of it.
fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD_NO_PAD_INDIFFERENT;
    STANDARD_NO_PAD_INDIFFERENT.decode(text).map_err(|e| {
        let at_char = |offset: usize, byte: u8| {
            // the offset counts bytes: the text may hold multi-byte characters
            let at = text
                .get(..offset)
                .map_or(offset, |head| head.chars().count());
            match text.get(offset..).and_then(|rest| rest.chars().next()) {
                Some(c) => format!("{c:?} at character {at}"),
                None => format!("byte {byte:#04x} at character {at}"),
            }
        };
        match e {
            base64::DecodeError::InvalidByte(offset, byte) => {
                format!("invalid base64: {}", at_char(offset, byte))
            }
            base64::DecodeError::InvalidLastSymbol { offset, symbol, .. } => format!(
                "invalid base64: {} ends it with bits left over",
                at_char(offset, symbol)
            ),
            base64::DecodeError::InvalidLength(_) => {
                "invalid base64: its length is not a whole number of bytes".to_string()
            }
            base64::DecodeError::InvalidPadding => "invalid base64: bad padding".to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn caps() -> Caps {
        let cap = |bytes| Cap {
            bytes,
            shown: format!("{bytes} bytes"),
        };
        Caps {
            code: cap(10),
            stdin: cap(4),
        }
    }

    fn read(line: &str) -> Result<Request<()>, Rejected> {
        parse(line, &caps(), |l| (l == "python").then_some(()))
    }

    fn refused(line: &str) -> (serde_json::Value, String) {
        let rejected = read(line).unwrap_err();
        (rejected.id, rejected.why)
    }

    #[test]
    fn a_good_line_becomes_a_request() {
        let r = read(r#"{"id": 7, "language": "python", "code": "print(1)", "stdin": "ab", "args": ["-x"], "env": {"K": "v=w"}}"#)
            .unwrap();
        assert_eq!(r.id, json!(7));
        assert_eq!(r.name, "7");
        assert_eq!(r.stdin, b"ab");
        assert_eq!(r.args, ["-x"]);
        assert_eq!(r.env, [("K".to_string(), "v=w".to_string())]);
    }

    #[test]
    fn base64_code_is_decoded() {
        let r = read(r#"{"id": 1, "language": "python", "code_base64": "AGFzbQ=="}"#).unwrap();
        assert_eq!(r.code, b"\0asm");
        let r = read(r#"{"id": 1, "language": "python", "code_base64": "AGFzbQEA"}"#).unwrap();
        assert_eq!(r.code, b"\0asm\x01\0");
        assert_eq!(decode_base64("aGk"), Ok(b"hi".to_vec()));
        assert_eq!(decode_base64(""), Ok(Vec::new()));
        assert!(decode_base64("a").is_err());
        assert!(decode_base64("aGk===").is_err());
        assert_eq!(
            decode_base64("aG*k"),
            Err("invalid base64: '*' at character 2".to_string())
        );
        assert_eq!(
            decode_base64("aéGk"),
            Err("invalid base64: 'é' at character 1".to_string())
        );
    }

    #[test]
    fn a_bad_line_is_refused_with_its_id() {
        let (id, why) = refused(r#"{"id": "a\u0000.py", "language": "python", "code": ""}"#);
        assert_eq!(id, json!("a\0.py"));
        assert_eq!(
            why,
            r#"id: invalid name "a\0.py": it contains a NUL character"#
        );
        let (id, why) =
            refused(r#"{"id": "e", "language": "python", "code": "", "env": {"A=B": "c"}}"#);
        assert_eq!(id, json!("e"));
        assert_eq!(
            why,
            r#"env: invalid environment variable "A=B": the name contains '='"#
        );
        let (_, why) =
            refused(r#"{"id": 1, "language": "python", "code": "", "env": {"K": "\u0000"}}"#);
        assert_eq!(
            why,
            r#"env: invalid environment variable "K": the value contains a NUL character"#
        );
        let (_, why) =
            refused(r#"{"id": 1, "language": "python", "code": "", "args": ["\u0000"]}"#);
        assert_eq!(
            why,
            r#"args: invalid argument "\0": it contains a NUL character"#
        );
        let (_, why) = refused(r#"{"id": 1, "language": "cobol", "code": ""}"#);
        assert_eq!(why, r#"unknown language "cobol""#);
        let (_, why) = refused(r#"{"id": 1, "language": "python", "code": "12345678901"}"#);
        assert_eq!(why, "code: larger than 10 bytes");
        let (_, why) = refused(r#"{"id": 1, "language": "python", "code": "", "stdin": "12345"}"#);
        assert_eq!(why, "stdin: larger than 4 bytes");
        let (id, why) = refused(r#"{"id": 3, "language": "python"}"#);
        assert_eq!(id, json!(3));
        assert_eq!(why, "missing field `code` (or `code_base64`)");
        let (_, why) = refused(r#"{"id": 3, "language": "python", "code": "", "code_base64": ""}"#);
        assert_eq!(why, "both `code` and `code_base64`: give the program once");
        let (_, why) = refused(r#"{"id": 3, "language": "python", "code_base64": "AG*z"}"#);
        assert_eq!(why, "code_base64: invalid base64: '*' at character 2");
        let (_, why) =
            refused(r#"{"id": 3, "language": "python", "code_base64": "MTIzNDU2Nzg5MDEy"}"#);
        assert_eq!(why, "code_base64: larger than 10 bytes");
        let (_, why) = refused("{\"a\\n\\u001b\": 1}");
        assert_eq!(
            why,
            "unknown field `a\\n\\u{1b}`, expected one of `id`, `language`, `code`, `code_base64`, `stdin`, `args`, `env`, `expected_stdout` at line 1 column 12"
        );
        let (id, _) = refused("[[[[");
        assert_eq!(id, serde_json::Value::Null);
    }
}
