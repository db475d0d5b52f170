//! `candor check --jsonl`'s request reader on arbitrary input lines: it must
//! never panic, and a line it accepts must hold only what a guest can take.
//! Builds the reader's own source files, without the rest of candor (no
//! wasmtime to instrument).

#![no_main]

#[allow(dead_code)]
#[path = "../../src/cli/guest_input.rs"]
mod guest_input;
#[path = "../../src/cli/check/request.rs"]
mod request;

/// The module path the reader names its checks by.
mod cli {
    pub(crate) use super::guest_input;
}

use request::{Cap, Caps, Rejected, Request};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(line) = std::str::from_utf8(data) {
        check(line);
    }
});

/// Small caps, so that lines over them are found too.
fn caps() -> Caps {
    let cap = |bytes| Cap {
        bytes,
        shown: format!("{bytes} bytes"),
    };
    Caps {
        code: cap(64),
        stdin: cap(16),
    }
}

fn language(name: &str) -> Option<String> {
    ["python", "py", "javascript", "js", "typescript", "ts", "wasm"]
        .contains(&name)
        .then(|| name.to_string())
}

/// Reads `line` and checks what the reader promises.
fn check(line: &str) {
    let caps = caps();
    match request::parse(line, &caps, language) {
        Ok(request) => accepted(&request, &caps),
        Err(Rejected { id, why }) => {
            assert!(!why.is_empty() && !why.contains('\n'), "{why:?}");
            // the answer carries the line's id whenever the line is an object with one
            let given = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            assert_eq!(id, given, "{line:?}");
        }
    }
}

fn accepted(request: &Request<String>, caps: &Caps) {
    assert!(!request.name.contains('\0'));
    assert!(request.code.len() <= caps.code.bytes);
    assert!(request.stdin.len() <= caps.stdin.bytes);
    assert!(request.args.iter().all(|a| !a.contains('\0')));
    for (key, value) in &request.env {
        assert!(!key.is_empty() && !key.contains(['=', '\0']), "{key:?}");
        assert!(!value.contains('\0'), "{value:?}");
    }
    // written out again, the request reads back the same
    let again = serde_json::json!({
        "id": request.id,
        "language": request.language,
        "code_base64": base64(&request.code),
        "stdin": String::from_utf8(request.stdin.clone()).expect("stdin came from a JSON string"),
        "args": request.args,
        "env": request.env.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
    });
    let reread =
        request::parse(&again.to_string(), caps, language).expect("a written request reads back");
    assert_eq!(&reread, request);
}

/// Standard base64 with padding, as a client would send `code_base64`.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
