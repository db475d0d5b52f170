//! The JavaScript basics that code written for node or the browser assumes and
//! QuickJS-ng lacks: TextEncoder/TextDecoder, URL/URLSearchParams,
//! structuredClone, crypto, queueMicrotask, atob/btoa and Intl (en-US), run
//! through the real binary. Each program's expected output is what node 20
//! printed for the same program (with TZ=UTC: candor's time zone is UTC);
//! where candor deliberately differs (locales it has no data for), the test
//! says so.

mod common;

use common::{assert_contains, run_snippet, scratch};
use serde_json::Value;

/// Runs `code` as `name` and asserts that it completed and printed `expected`.
#[track_caller]
fn assert_prints(name: &str, code: &str, expected: &[&str]) -> Value {
    let dir = scratch();
    let r = run_snippet(dir.path(), name, code, &[]).json();
    assert_eq!(r["outcome"], "completed", "{name}: {r:#}");
    let stdout = r["stdout"].as_str().unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(
            lines.get(i).copied(),
            Some(*want),
            "{name}: line {} differs; stdout:\n{stdout}",
            i + 1
        );
    }
    assert_eq!(lines.len(), expected.len(), "{name}: stdout:\n{stdout}");
    r
}

fn kinds(r: &Value) -> Vec<String> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["kind"].as_str().unwrap(),
                f["severity"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_script_is_a_commonjs_module_as_in_node() {
    // `module.exports` at the end of a file, and the main-module check,
    // which would otherwise skip the snippet's whole driver
    assert_prints(
        "main.js",
        "function add(a, b) {\n  return a + b;\n}\nmodule.exports = { add };\nif (require.main === module) {\n  console.log(add(2, 3), exports === module.exports, typeof module.exports.add);\n}\n",
        &["5 false function"],
    );
    // a snippet's own `module` or `exports` shadows candor's
    assert_prints(
        "own.js",
        "const module = { name: 'm' };\nlet exports = 1;\nconsole.log(module.name, exports);\n",
        &["m 1"],
    );
    // an ES module has neither, as in node
    assert_prints(
        "esm.mjs",
        "export const x = 1;\nconsole.log(typeof module, typeof exports);\n",
        &["undefined undefined"],
    );
}

#[test]
fn text_encoder_and_decoder_match_node() {
    assert_prints("text.js", TEXT_JS, TEXT_NODE);
}

#[test]
fn text_decoder_names_the_encodings_candor_lacks() {
    // node decodes latin1 and windows-1252; candor says it does not (node's own
    // message for an encoding it does not know either ends the same way)
    let code = "for (const label of ['latin1', 'windows-1252', 'utf-16be', 'foo']) {\n\
                  try { new TextDecoder(label); } catch (e) { console.log(e.name, e.code, e.message); }\n\
                }\n";
    assert_prints(
        "encodings.js",
        code,
        &[
            "RangeError ERR_ENCODING_NOT_SUPPORTED The \"latin1\" encoding is not supported in candor (only utf-8 and utf-16le)",
            "RangeError ERR_ENCODING_NOT_SUPPORTED The \"windows-1252\" encoding is not supported in candor (only utf-8 and utf-16le)",
            "RangeError ERR_ENCODING_NOT_SUPPORTED The \"utf-16be\" encoding is not supported in candor (only utf-8 and utf-16le)",
            "RangeError ERR_ENCODING_NOT_SUPPORTED The \"foo\" encoding is not supported",
        ],
    );
}

#[test]
fn url_and_search_params_match_node() {
    assert_prints("url.js", URL_JS, URL_NODE);
}

#[test]
fn an_invalid_url_fails_the_run_as_in_node() {
    let dir = scratch();
    let run = run_snippet(
        dir.path(),
        "bad_url.js",
        "const u = new URL('/relative');\n",
        &[],
    );
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(
        (r["outcome"].as_str(), r["exit_code"].as_i64()),
        (Some("failed"), Some(1))
    );
    assert_contains(
        r["stderr"].as_str().unwrap(),
        "Uncaught TypeError: Invalid URL\n    at <eval> (bad_url.js:1:",
    );
}

#[test]
fn structured_clone_matches_node() {
    assert_prints("clone.js", CLONE_JS, CLONE_NODE);
}

#[test]
fn crypto_matches_node() {
    assert_prints("crypto.js", CRYPTO_JS, CRYPTO_NODE);
}

#[test]
fn crypto_repeats_under_deterministic_and_differs_otherwise() {
    let dir = scratch();
    let code =
        "console.log(crypto.randomUUID(), crypto.getRandomValues(new Uint32Array(4)).join(','));\n";
    let run = |extra: &[&str]| {
        let r = run_snippet(dir.path(), "random.js", code, extra).json();
        assert_eq!(r["outcome"], "completed", "{r:#}");
        r["stdout"].as_str().unwrap().to_string()
    };
    let first = run(&["--deterministic"]);
    assert_eq!(first, run(&["--deterministic"]));
    assert_eq!(
        (first.as_bytes()[8], first.as_bytes()[14]),
        (b'-', b'4'),
        "{first}"
    );
    assert_ne!(
        run(&[]),
        run(&[]),
        "the random source repeats without --deterministic"
    );
}

#[test]
fn atob_and_btoa_match_node() {
    assert_prints("base64.js", BASE64_JS, BASE64_NODE);
}

#[test]
fn queue_microtask_runs_in_node_order() {
    assert_prints("microtask.js", MICROTASK_JS, MICROTASK_NODE);
}

#[test]
fn a_microtask_that_throws_ends_the_run_as_in_node() {
    // node prints the error and exits 1: the next microtask and the timer never run
    let code = "queueMicrotask(() => { throw new Error('x'); });\n\
                queueMicrotask(() => console.log('after'));\n\
                setTimeout(() => console.log('timer'), 0);\n";
    let dir = scratch();
    let run = run_snippet(dir.path(), "throws.js", code, &[]);
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(
        (
            r["outcome"].as_str(),
            r["exit_code"].as_i64(),
            r["stdout"].as_str()
        ),
        (Some("failed"), Some(1), Some(""))
    );
    assert_contains(r["stderr"].as_str().unwrap(), "Uncaught Error: x\n    at ");
    assert_contains(r["stderr"].as_str().unwrap(), "(throws.js:1:");
}

#[test]
fn intl_numbers_match_node() {
    assert_prints("numbers.js", NUMBERS_JS, NUMBERS_NODE);
}

#[test]
fn intl_dates_match_node() {
    assert_prints("dates.js", DATES_JS, DATES_NODE);
}

#[test]
fn locale_compare_and_collator_match_node() {
    assert_prints("collation.js", COLLATION_JS, COLLATION_NODE);
}

#[test]
fn other_locales_throw_a_clear_error() {
    // candor's own behaviour: node has the data and would format; candor throws
    // rather than format as en-US and pretend
    let dir = scratch();
    let run = run_snippet(dir.path(), "locales.js", LOCALES_JS, &[]);
    assert_eq!(run.code, 3);
    let r = run.json();
    assert_eq!(
        (r["outcome"].as_str(), r["exit_code"].as_i64()),
        (Some("failed"), Some(1))
    );
    let no_data = |locale: &str| {
        format!(
            "throws RangeError candor has no locale data: locale \"{locale}\" is not supported (only en-US)"
        )
    };
    let expected = [
        format!("toLocaleString de-DE {}", no_data("de-DE")),
        format!("NumberFormat fr-FR {}", no_data("fr-FR")),
        format!("toLocaleDateString ja-JP {}", no_data("ja-JP")),
        format!("de-DE first {}", no_data("de-DE")),
        format!("en-GB {}", no_data("en-GB")),
        "time zone throws RangeError candor has no time zone data: timeZone \"America/New_York\" is not supported (only UTC)".to_string(),
        format!("localeCompare sv {}", no_data("sv")),
        format!("Collator de {}", no_data("de")),
        "toLocaleUpperCase tr throws RangeError candor has no locale data: locale \"tr-TR\" has case mappings of its own (only en-US)".to_string(),
        "unit style throws RangeError Intl.NumberFormat in candor does not support style: \"unit\"".to_string(),
        "Segmenter throws TypeError Intl.Segmenter is not available in candor".to_string(),
        "supportedLocalesOf [\"en-US\"]".to_string(),
        // node's own answers from here on
        "invalid tag throws RangeError Incorrect locale information provided".to_string(),
        "en and en-US [\"1,234.5\",\"1,234.5\",-1,\"I\"]".to_string(),
    ];
    let stdout = r["stdout"].as_str().unwrap();
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected, "{stdout}");
    assert_contains(
        r["stderr"].as_str().unwrap(),
        "Uncaught RangeError: candor has no locale data: locale \"de-DE\" is not supported (only en-US)\n    at <eval> (locales.js:16:",
    );
}

#[test]
fn the_new_globals_are_ordinary_writable_properties() {
    assert_prints("globals.js", GLOBALS_JS, GLOBALS_NODE);
    // candor's own: each is built on first read and is a data property from then on
    let code = "const names = ['TextEncoder', 'URL', 'structuredClone', 'crypto', 'atob', 'Intl'];\n\
                const before = names.map((n) => typeof Object.getOwnPropertyDescriptor(globalThis, n).get);\n\
                names.forEach((n) => globalThis[n]);\n\
                const after = names.map((n) => { const d = Object.getOwnPropertyDescriptor(globalThis, n); return [d.writable, d.configurable, typeof d.value].join(); });\n\
                console.log(before.join(), after.join(' '));\n";
    assert_prints(
        "descriptors.js",
        code,
        &[
            "function,function,function,function,function,function true,true,function true,true,function true,true,function true,true,object true,true,function true,true,object",
        ],
    );
}

#[test]
fn replacing_the_new_globals_cannot_break_the_harness() {
    let dir = scratch();
    let r = run_snippet(dir.path(), "tamper.js", TAMPER_JS, &[]).json();
    assert_eq!(
        (r["outcome"].as_str(), r["stdout"].as_str()),
        (Some("completed"), Some("forged 0\n")),
        "{r:#}"
    );
    assert_eq!(kinds(&r), ["swallowed_exception warning"]);
    assert_eq!(r["instrumentation_tampered"], false, "{r:#}");
}

#[test]
fn startup_stays_cheap_when_the_new_globals_are_not_used() {
    // the libs are built on first use: a run that uses none pays only for the accessors
    let dir = scratch();
    let hello = run_snippet(
        dir.path(),
        "hello.js",
        "console.log('hello, world');\n",
        &[],
    )
    .json();
    let url = run_snippet(
        dir.path(),
        "url.js",
        "console.log(new URL('http://a/').href);\n",
        &[],
    )
    .json();
    let fuel = |r: &Value| r["fuel_consumed"].as_u64().unwrap();
    assert!(
        fuel(&hello) < 8_000_000,
        "hello world took {} fuel",
        fuel(&hello)
    );
    assert!(fuel(&url) > fuel(&hello), "URL was not built on first use");
}

const LOCALES_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.message); } };
show("toLocaleString de-DE", () => (1234.5).toLocaleString("de-DE"));
show("NumberFormat fr-FR", () => new Intl.NumberFormat("fr-FR").format(1234.5));
show("toLocaleDateString ja-JP", () => new Date(0).toLocaleDateString("ja-JP"));
show("de-DE first", () => (1).toLocaleString(["de-DE", "en-US"]));
show("en-GB", () => new Date(0).toLocaleDateString("en-GB"));
show("time zone", () => new Date(0).toLocaleString("en-US", { timeZone: "America/New_York" }));
show("localeCompare sv", () => "a".localeCompare("b", "sv"));
show("Collator de", () => new Intl.Collator("de"));
show("toLocaleUpperCase tr", () => "i".toLocaleUpperCase("tr-TR"));
show("unit style", () => new Intl.NumberFormat("en-US", { style: "unit", unit: "kilometer" }));
show("Segmenter", () => new Intl.Segmenter("en"));
show("supportedLocalesOf", () => Intl.NumberFormat.supportedLocalesOf(["en-US", "de-DE", "fr"]));
show("invalid tag", () => (1).toLocaleString("not a locale"));
show("en and en-US", () => [(1234.5).toLocaleString("en-US"), (1234.5).toLocaleString("en"), "a".localeCompare("B", "en"), "i".toLocaleUpperCase("en-US")]);
console.log(new Intl.NumberFormat("de-DE").format(1234.5));
"##;

const TAMPER_JS: &str = r##"// the snippet replaces the new globals and builtins the harness captured, then swallows an error
for (const k of ["URL", "TextEncoder", "TextDecoder", "structuredClone", "crypto", "Intl", "atob", "btoa"]) {
  globalThis[k] = () => { throw new Error("replaced " + k); };
}
Number.prototype.toLocaleString = function () { return "forged"; };
String.prototype.localeCompare = () => 0;
JSON.stringify = () => "{}";
Object.defineProperty = () => { throw new Error("tampered defineProperty"); };
function parse(t) { try { return JSON.parse(t); } catch (e) { } }
parse("{");
console.log((5).toLocaleString(), "b".localeCompare("a"));
"##;

// -- programs, and what node 20 printed for them ----------------------------------------

const TEXT_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.code, e.message); } };
const te = new TextEncoder();
show("encoding", () => te.encoding);
show("encode", () => Array.from(te.encode("héllo €𝄞")));
show("lone surrogate", () => Array.from(te.encode("\ud800x")));
show("no input", () => [te.encode().length, Array.from(te.encode(null))]);
show("encodeInto", () => { const u = new Uint8Array(5); const r = te.encodeInto("a€𝄞", u); return [r, Array.from(u)]; });
show("encodeInto array", () => te.encodeInto("x", [1, 2]));
const td = new TextDecoder();
show("decoder", () => [td.encoding, td.fatal, td.ignoreBOM, Object.prototype.toString.call(td)]);
show("decode", () => td.decode(new Uint8Array([104, 195, 169, 226, 130, 172, 240, 157, 132, 158])));
show("replacement", () => td.decode(new Uint8Array([0xff, 0x61, 0xc3, 0x28, 0xe2, 0x82, 0x61, 0xf0, 0x9f, 0x98])));
show("surrogates and overlong", () => td.decode(new Uint8Array([0xed, 0xa0, 0x80, 0xc0, 0x80, 0xf4, 0x90, 0x80, 0x80])));
show("bom", () => [td.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).length]);
show("fatal", () => new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0x61, 0xff])));
show("stream", () => { const d = new TextDecoder(); return d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + "|" + d.decode(new Uint8Array([0xac])); });
show("stream flush", () => { const d = new TextDecoder(); return d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + "|" + d.decode(); });
show("views", () => [td.decode(new Uint8Array([0x61, 0x62]).buffer), td.decode(new DataView(new Uint8Array([0x61, 0x62, 0x63]).buffer, 1)), td.decode(new Uint16Array([0x6261]))]);
show("not bytes", () => td.decode("abc"));
show("labels", () => [new TextDecoder(" UTF8 ").encoding, new TextDecoder("unicode-1-1-utf-8").encoding, new TextDecoder("utf-16").encoding]);
show("utf-16le", () => new TextDecoder("utf-16le").decode(new Uint8Array([0x61, 0, 0x62, 0, 0x3d, 0xd8, 0x00, 0xde])));
show("unknown encoding", () => new TextDecoder("foo"));
"##;
/// node 20 (TZ=UTC) printed this for TEXT_JS.
const TEXT_NODE: &[&str] = &[
    "encoding \"utf-8\"",
    "encode [104,195,169,108,108,111,32,226,130,172,240,157,132,158]",
    "lone surrogate [239,191,189,120]",
    "no input [0,[110,117,108,108]]",
    "encodeInto [{\"read\":2,\"written\":4},[97,226,130,172,0]]",
    "encodeInto array throws TypeError ERR_INVALID_ARG_TYPE The \"dest\" argument must be an instance of Uint8Array. Received an instance of Array",
    "decoder [\"utf-8\",false,false,\"[object TextDecoder]\"]",
    "decode \"hé€𝄞\"",
    "replacement \"\u{fffd}a\u{fffd}(\u{fffd}a\u{fffd}\"",
    "surrogates and overlong \"\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\"",
    "bom [\"a\",2]",
    "fatal throws TypeError ERR_ENCODING_INVALID_ENCODED_DATA The encoded data was not valid for encoding utf-8",
    "stream \"|€\"",
    "stream flush \"|\u{fffd}\"",
    "views [\"ab\",\"bc\",\"ab\"]",
    "not bytes throws TypeError ERR_INVALID_ARG_TYPE The \"list\" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.",
    "labels [\"utf-8\",\"utf-8\",\"utf-16le\"]",
    "utf-16le \"ab😀\"",
    "unknown encoding throws RangeError ERR_ENCODING_NOT_SUPPORTED The \"foo\" encoding is not supported",
];

const URL_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.code, e.message, JSON.stringify(e.input)); } };
const parts = (u) => [u.href, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin];
show("full", () => parts(new URL("https://User:Pa ss@EXAMPLE.com:443/a/./b/../c/%7e?q=1 2&x=é#frag ment")));
for (const s of ["http://example.com:80/", "HTTP://Example.COM:8080", "ws://a:80/", "file:///C:/x/../y", "mailto:Someone@Example.com", "data:text/plain,hello world",
  "http://[2001:DB8::0:1]/", "http://0x7f.1/", "http://münchen.de/ä b", "http://a.com\\b\\c", "  http://a.com/x  ", "http://a.com/a\tb\nc", "http://a.com/../..",
  "http://a.com/a/%2e%2E/b", "http:a.com", "http://1.2.3", "foo://Host/Path/../x", "foo:a/../b", "blob:https://a.com/uuid", "http://a/?a=ä b'\"<>`#ä b'\"<>`"]) {
  show(JSON.stringify(s), () => new URL(s).href);
}
for (const s of ["not a url", "http://", "https://a b.com", "https://a.com:99999/", "http://256.0.0.1", "http://a<b.com"]) show(JSON.stringify(s), () => new URL(s));
const base = "http://h/a/b/c?q#f";
for (const s of ["g", "./g", "../g", "../../../g", "/g", "//g", "?y", "#s", "", ".", "..", "g;x=1/../y", "https:g"]) show("relative " + JSON.stringify(s), () => new URL(s, base).href);
show("bad base", () => new URL("/x", "not a base"));
show("canParse", () => [URL.canParse("x"), URL.canParse("x", "http://a"), URL.canParse("http://a")]);
show("no argument", () => new URL());
show("toString", () => { const u = new URL("http://a.com/x?y=1"); return [String(u), u.toJSON(), JSON.stringify({ u })]; });
const set = (href, prop, v) => { const u = new URL(href); u[prop] = v; return [u.href, u[prop]]; };
show("set pathname", () => set("http://a.com/x?y#z", "pathname", "/p a/../q"));
show("set search", () => set("http://a.com/x?y#z", "search", "a=1 2&b"));
show("set hash", () => set("http://a.com/x?y#z", "hash", "h h"));
show("set host", () => set("http://a.com/x", "host", "B.org:81"));
show("set port", () => [set("http://a.com/x", "port", "80"), set("http://a.com/x", "port", "8080abc"), set("http://a.com/x", "port", "nope")]);
show("set protocol", () => [set("http://a.com:443/x", "protocol", "https:"), set("http://a.com/x", "protocol", "foo")]);
show("set href", () => set("http://a.com/x", "href", "nope"));
show("params", () => { const p = new URLSearchParams("?a=1&b=x+y%20z&a=3&&c"); return [p.get("a"), p.getAll("a"), p.get("b"), p.has("c"), p.get("zz"), p.size, [...p], p.toString()]; });
show("params from object", () => new URLSearchParams({ q: "a b&c=d/é", n: 1 }).toString());
show("params from pairs", () => new URLSearchParams([["x", "1"], ["y", "2"]]).toString());
show("bad pair", () => new URLSearchParams([["x"]]));
show("params edit", () => { const p = new URLSearchParams("z=1&b=2&a=3&b=1"); p.set("b", "B"); p.append("c", "~!*'()"); p.delete("z"); p.sort(); return p.toString(); });
show("live searchParams", () => { const u = new URL("http://h/p?a=1&b=2#f"); const sp = u.searchParams; sp.append("c", "3 4"); sp.delete("a"); const one = u.href; u.search = "x=9"; return [one, sp.get("x"), sp.get("b"), u.searchParams === sp]; });
show("emptied", () => { const u = new URL("http://h/p?a=1"); u.searchParams.delete("a"); return u.href; });
"##;
/// node 20 (TZ=UTC) printed this for URL_JS.
const URL_NODE: &[&str] = &[
    "full [\"https://User:Pa%20ss@example.com/a/c/%7e?q=1%202&x=%C3%A9#frag%20ment\",\"https:\",\"User\",\"Pa%20ss\",\"example.com\",\"example.com\",\"\",\"/a/c/%7e\",\"?q=1%202&x=%C3%A9\",\"#frag%20ment\",\"https://example.com\"]",
    "\"http://example.com:80/\" \"http://example.com/\"",
    "\"HTTP://Example.COM:8080\" \"http://example.com:8080/\"",
    "\"ws://a:80/\" \"ws://a/\"",
    "\"file:///C:/x/../y\" \"file:///C:/y\"",
    "\"mailto:Someone@Example.com\" \"mailto:Someone@Example.com\"",
    "\"data:text/plain,hello world\" \"data:text/plain,hello world\"",
    "\"http://[2001:DB8::0:1]/\" \"http://[2001:db8::1]/\"",
    "\"http://0x7f.1/\" \"http://127.0.0.1/\"",
    "\"http://münchen.de/ä b\" \"http://xn--mnchen-3ya.de/%C3%A4%20b\"",
    "\"http://a.com\\\\b\\\\c\" \"http://a.com/b/c\"",
    "\"  http://a.com/x  \" \"http://a.com/x\"",
    "\"http://a.com/a\\tb\\nc\" \"http://a.com/abc\"",
    "\"http://a.com/../..\" \"http://a.com/\"",
    "\"http://a.com/a/%2e%2E/b\" \"http://a.com/b\"",
    "\"http:a.com\" \"http://a.com/\"",
    "\"http://1.2.3\" \"http://1.2.0.3/\"",
    "\"foo://Host/Path/../x\" \"foo://Host/x\"",
    "\"foo:a/../b\" \"foo:a/../b\"",
    "\"blob:https://a.com/uuid\" \"blob:https://a.com/uuid\"",
    "\"http://a/?a=ä b'\\\"<>`#ä b'\\\"<>`\" \"http://a/?a=%C3%A4%20b%27%22%3C%3E`#%C3%A4%20b'%22%3C%3E%60\"",
    "\"not a url\" throws TypeError ERR_INVALID_URL Invalid URL \"not a url\"",
    "\"http://\" throws TypeError ERR_INVALID_URL Invalid URL \"http://\"",
    "\"https://a b.com\" throws TypeError ERR_INVALID_URL Invalid URL \"https://a b.com\"",
    "\"https://a.com:99999/\" throws TypeError ERR_INVALID_URL Invalid URL \"https://a.com:99999/\"",
    "\"http://256.0.0.1\" throws TypeError ERR_INVALID_URL Invalid URL \"http://256.0.0.1\"",
    "\"http://a<b.com\" throws TypeError ERR_INVALID_URL Invalid URL \"http://a<b.com\"",
    "relative \"g\" \"http://h/a/b/g\"",
    "relative \"./g\" \"http://h/a/b/g\"",
    "relative \"../g\" \"http://h/a/g\"",
    "relative \"../../../g\" \"http://h/g\"",
    "relative \"/g\" \"http://h/g\"",
    "relative \"//g\" \"http://g/\"",
    "relative \"?y\" \"http://h/a/b/c?y\"",
    "relative \"#s\" \"http://h/a/b/c?q#s\"",
    "relative \"\" \"http://h/a/b/c?q\"",
    "relative \".\" \"http://h/a/b/\"",
    "relative \"..\" \"http://h/a/\"",
    "relative \"g;x=1/../y\" \"http://h/a/b/y\"",
    "relative \"https:g\" \"https://g/\"",
    "bad base throws TypeError ERR_INVALID_URL Invalid URL \"/x\"",
    "canParse [false,true,true]",
    "no argument throws TypeError ERR_MISSING_ARGS The \"url\" argument must be specified undefined",
    "toString [\"http://a.com/x?y=1\",\"http://a.com/x?y=1\",\"{\\\"u\\\":\\\"http://a.com/x?y=1\\\"}\"]",
    "set pathname [\"http://a.com/q?y#z\",\"/q\"]",
    "set search [\"http://a.com/x?a=1%202&b#z\",\"?a=1%202&b\"]",
    "set hash [\"http://a.com/x?y#h%20h\",\"#h%20h\"]",
    "set host [\"http://b.org:81/x\",\"b.org:81\"]",
    "set port [[\"http://a.com/x\",\"\"],[\"http://a.com:8080/x\",\"8080\"],[\"http://a.com/x\",\"\"]]",
    "set protocol [[\"https://a.com/x\",\"https:\"],[\"http://a.com/x\",\"http:\"]]",
    "set href throws TypeError ERR_INVALID_URL Invalid URL \"nope\"",
    "params [\"1\",[\"1\",\"3\"],\"x y z\",true,null,4,[[\"a\",\"1\"],[\"b\",\"x y z\"],[\"a\",\"3\"],[\"c\",\"\"]],\"a=1&b=x+y+z&a=3&c=\"]",
    "params from object \"q=a+b%26c%3Dd%2F%C3%A9&n=1\"",
    "params from pairs \"x=1&y=2\"",
    "bad pair throws TypeError ERR_INVALID_TUPLE Each query pair must be an iterable [name, value] tuple undefined",
    "params edit \"a=3&b=B&c=%7E%21*%27%28%29\"",
    "live searchParams [\"http://h/p?b=2&c=3+4#f\",\"9\",null,true]",
    "emptied \"http://h/p\"",
];

const CLONE_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e instanceof DOMException, e.name, e.code, e.message); } };
show("nested with cycles", () => { const o = { a: [1, { b: 2 }], d: new Date(1700000000000) }; o.self = o; o.a.push(o.a); const c = structuredClone(o); return [c !== o, c.self === c, c.a[2] === c.a, c.a[1].b, c.d instanceof Date, c.d.getTime()]; });
show("map and set", () => { const m = new Map([[1, { x: 1 }], ["k", new Set([1, 2])]]); const c = structuredClone(m); return [c instanceof Map, c.get(1).x, c.get("k").has(2), c.get(1) !== m.get(1)]; });
show("regexp", () => { const r = /a+b/gi; r.lastIndex = 3; const c = structuredClone(r); return [String(c), c.lastIndex, c !== r]; });
show("typed arrays", () => { const buf = new ArrayBuffer(8); const a = new Uint8Array(buf, 2, 4); a.set([1, 2, 3, 4]); const d = new DataView(buf, 1, 3); const c = structuredClone({ a, d, buf }); return [c.a.constructor.name, Array.from(c.a), c.a.byteOffset, c.a.buffer === c.buf, c.d.buffer === c.buf, c.d.byteOffset, c.buf !== buf]; });
show("arrays", () => { const a = [1, , 3]; a.x = 5; const c = structuredClone(a); return [c.length, 1 in c, c.x]; });
show("plain objects only", () => { class P { constructor() { this.x = 1; } get y() { return 2; } } const c = structuredClone(new P()); return [c.constructor === Object, c.x, c.y]; });
show("errors", () => { const e = new TypeError("bad", { cause: { n: 1 } }); e.extra = 1; const c = structuredClone(e); return [c instanceof TypeError, c.message, c.extra, c.cause.n, c.stack === e.stack]; });
show("boxed", () => [structuredClone(new Number(5)) instanceof Number, structuredClone(Object(1n)) instanceof BigInt, structuredClone(-0), structuredClone(null), structuredClone(undefined)]);
show("transfer", () => { const ab = new ArrayBuffer(4); new Uint8Array(ab)[0] = 7; const r = structuredClone({ ab }, { transfer: [ab] }); return [ab.byteLength, r.ab.byteLength, new Uint8Array(r.ab)[0]]; });
show("function", () => structuredClone({ f() {} }));
show("arrow", () => structuredClone(() => 1));
show("symbol", () => structuredClone(Symbol("x")));
show("weakmap", () => structuredClone(new WeakMap()));
show("promise", () => structuredClone(Promise.resolve()));
show("no argument", () => structuredClone());
"##;
/// node 20 (TZ=UTC) printed this for CLONE_JS.
const CLONE_NODE: &[&str] = &[
    "nested with cycles [true,true,true,2,true,1700000000000]",
    "map and set [true,1,true,true]",
    "regexp [\"/a+b/gi\",0,true]",
    "typed arrays [\"Uint8Array\",[1,2,3,4],2,true,true,1,true]",
    "arrays [3,false,5]",
    "plain objects only [true,1,null]",
    "errors [true,\"bad\",null,1,true]",
    "boxed [true,true,0,null,null]",
    "transfer [0,4,7]",
    "function throws true DataCloneError 25 f() {} could not be cloned.",
    "arrow throws true DataCloneError 25 () => 1 could not be cloned.",
    "symbol throws true DataCloneError 25 Symbol(x) could not be cloned.",
    "weakmap throws true DataCloneError 25 #<WeakMap> could not be cloned.",
    "promise throws true DataCloneError 25 #<Promise> could not be cloned.",
    "no argument throws false TypeError ERR_MISSING_ARGS The value argument must be specified",
];

const CRYPTO_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.code, e.message); } };
const uuid = crypto.randomUUID();
show("uuid v4", () => [uuid.length, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid), uuid !== crypto.randomUUID()]);
show("same array back", () => { const a = new Uint32Array(4); return [crypto.getRandomValues(a) === a, crypto.getRandomValues(new BigInt64Array(2)).length, crypto.getRandomValues(new Uint8Array(65536)).length]; });
show("float array", () => crypto.getRandomValues(new Float32Array(2)));
show("too long", () => crypto.getRandomValues(new Uint8Array(65537)));
show("plain array", () => crypto.getRandomValues([1, 2]));
show("no argument", () => crypto.getRandomValues());
show("detached", () => { const g = crypto.getRandomValues; return g(new Uint8Array(2)); });
show("tag", () => Object.prototype.toString.call(crypto));
"##;
/// node 20 (TZ=UTC) printed this for CRYPTO_JS.
const CRYPTO_NODE: &[&str] = &[
    "uuid v4 [36,true,true]",
    "same array back [true,2,65536]",
    "float array throws TypeMismatchError 17 The data argument must be an integer-type TypedArray",
    "too long throws QuotaExceededError 22 The requested length exceeds 65,536 bytes",
    "plain array throws TypeMismatchError 17 The data argument must be an integer-type TypedArray",
    "no argument throws TypeError ERR_MISSING_ARGS Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 present.",
    "detached throws TypeError ERR_INVALID_THIS Value of \"this\" must be of type Crypto",
    "tag \"[object Crypto]\"",
];

const BASE64_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e instanceof DOMException, e.name, e.code, e.message); } };
show("btoa", () => [btoa("hello"), btoa(""), btoa("\xff\xfe"), btoa(null), btoa(undefined)]);
show("atob", () => [atob("aGVsbG8="), atob("aGVsbG8"), atob(" aGVs bG8= "), atob("YQ\n=="), atob("YR==")]);
show("btoa non-latin1", () => btoa("€"));
show("atob bad character", () => atob("@@"));
show("atob bad padding", () => atob("YQ="));
show("atob bad length", () => atob("Y"));
show("atob missing", () => atob());
show("btoa missing", () => btoa());
"##;
/// node 20 (TZ=UTC) printed this for BASE64_JS.
const BASE64_NODE: &[&str] = &[
    "btoa [\"aGVsbG8=\",\"\",\"//4=\",\"bnVsbA==\",\"dW5kZWZpbmVk\"]",
    "atob [\"hello\",\"hello\",\"hello\",\"a\",\"a\"]",
    "btoa non-latin1 throws true InvalidCharacterError 5 Invalid character",
    "atob bad character throws true InvalidCharacterError 5 Invalid character",
    "atob bad padding throws true InvalidCharacterError 5 Invalid character",
    "atob bad length throws true InvalidCharacterError 5 The string to be decoded is not correctly encoded.",
    "atob missing throws false TypeError ERR_MISSING_ARGS The \"input\" argument must be specified",
    "btoa missing throws false TypeError ERR_MISSING_ARGS The \"input\" argument must be specified",
];

const MICROTASK_JS: &str = r##"setTimeout(() => console.log("timeout"), 0);
Promise.resolve().then(() => console.log("promise 1"));
queueMicrotask(() => { console.log("microtask 1"); queueMicrotask(() => console.log("microtask 3")); });
Promise.resolve().then(() => console.log("promise 2"));
queueMicrotask(() => console.log("microtask 2"));
console.log("sync");
try { queueMicrotask(5); } catch (e) { console.log(e.name, e.code, e.message); }
"##;
/// node 20 (TZ=UTC) printed this for MICROTASK_JS.
const MICROTASK_NODE: &[&str] = &[
    "sync",
    "TypeError ERR_INVALID_ARG_TYPE The \"callback\" argument must be of type function. Received type number (5)",
    "promise 1",
    "microtask 1",
    "promise 2",
    "microtask 2",
    "microtask 3",
    "timeout",
];

const NUMBERS_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.message); } };
show("toLocaleString", () => [1234.5, 0, -0, -1234567.891, 1e21, 1.23e-7, NaN, Infinity, 0.1 + 0.2, 999.9995, 1.005].map((n) => n.toLocaleString()));
show("en-US", () => [(1234.5678).toLocaleString("en-US", { maximumFractionDigits: 2 }), (1234.5).toLocaleString("en-US", { minimumFractionDigits: 2 }), (5).toLocaleString("en", { minimumIntegerDigits: 3 }), (1234.5).toLocaleString(undefined, { useGrouping: false })]);
show("currency", () => [(1234.5).toLocaleString("en-US", { style: "currency", currency: "USD" }), (-1234.5).toLocaleString("en-US", { style: "currency", currency: "EUR" }), new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY" }).format(1234.5), new Intl.NumberFormat("en-US", { style: "currency", currency: "CHF" }).format(3), new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", currencySign: "accounting" }).format(-5)]);
show("percent", () => [(0.256).toLocaleString("en-US", { style: "percent" }), (0.256).toLocaleString("en-US", { style: "percent", minimumFractionDigits: 1 })]);
show("significant", () => [new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(123456), new Intl.NumberFormat("en-US", { minimumSignificantDigits: 5 }).format(1.5)]);
show("compact", () => [1234, 12345, 999999, 1500000, 2.5e9, -1234567].map((n) => new Intl.NumberFormat("en-US", { notation: "compact" }).format(n)).concat([new Intl.NumberFormat("en-US", { notation: "compact", compactDisplay: "long" }).format(1234567)]));
show("scientific", () => [new Intl.NumberFormat("en-US", { notation: "scientific" }).format(123456), new Intl.NumberFormat("en-US", { notation: "engineering" }).format(123456)]);
show("signs and rounding", () => [new Intl.NumberFormat("en-US", { signDisplay: "always" }).format(5), new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" }).format(0), new Intl.NumberFormat("en-US", { maximumFractionDigits: 0, roundingMode: "halfEven" }).format(2.5), new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(-0.4)]);
show("bigint", () => [(12345678901234567890n).toLocaleString(), new Intl.NumberFormat("en-US").format(-5n)]);
show("formatToParts", () => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).formatToParts(-1234.5).map((p) => p.type + ":" + p.value).join(" "));
show("resolvedOptions", () => new Intl.NumberFormat("en-US").resolvedOptions());
show("arrays", () => [[1234.5, 2].toLocaleString(), [1234.5, null, 2].toLocaleString("en-US", { maximumFractionDigits: 0 })]);
show("plural", () => [[0, 1, 2, 1.5].map((n) => new Intl.PluralRules("en-US").select(n)), [1, 2, 3, 4, 11, 12, 13, 21, 22, 23].map((n) => new Intl.PluralRules("en-US", { type: "ordinal" }).select(n))]);
show("list", () => [new Intl.ListFormat("en", { style: "long", type: "conjunction" }).format(["a", "b", "c"]), new Intl.ListFormat("en", { type: "disjunction" }).format(["a", "b"])]);
show("relative", () => { const f = new Intl.RelativeTimeFormat("en", { numeric: "auto" }); return [f.format(-1, "day"), f.format(2, "weeks"), f.format(-3, "month"), new Intl.RelativeTimeFormat("en", { style: "short" }).format(-5, "minute")]; });
show("bad option", () => new Intl.NumberFormat("en-US", { style: "currency" }));
show("bad digits", () => new Intl.NumberFormat("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 1 }));
"##;
/// node 20 (TZ=UTC) printed this for NUMBERS_JS.
const NUMBERS_NODE: &[&str] = &[
    "toLocaleString [\"1,234.5\",\"0\",\"-0\",\"-1,234,567.891\",\"1,000,000,000,000,000,000,000\",\"0\",\"NaN\",\"∞\",\"0.3\",\"1,000\",\"1.005\"]",
    "en-US [\"1,234.57\",\"1,234.50\",\"005\",\"1234.5\"]",
    "currency [\"$1,234.50\",\"-€1,234.50\",\"¥1,235\",\"CHF\u{a0}3.00\",\"($5.00)\"]",
    "percent [\"26%\",\"25.6%\"]",
    "significant [\"123,000\",\"1.5000\"]",
    "compact [\"1.2K\",\"12K\",\"1M\",\"1.5M\",\"2.5B\",\"-1.2M\",\"1.2 million\"]",
    "scientific [\"1.235E5\",\"123.456E3\"]",
    "signs and rounding [\"+5\",\"0\",\"2\",\"-0\"]",
    "bigint [\"12,345,678,901,234,567,890\",\"-5\"]",
    "formatToParts \"minusSign:- currency:$ integer:1 group:, integer:234 decimal:. fraction:50\"",
    "resolvedOptions {\"locale\":\"en-US\",\"numberingSystem\":\"latn\",\"style\":\"decimal\",\"minimumIntegerDigits\":1,\"minimumFractionDigits\":0,\"maximumFractionDigits\":3,\"useGrouping\":\"auto\",\"notation\":\"standard\",\"signDisplay\":\"auto\",\"roundingMode\":\"halfExpand\",\"roundingIncrement\":1,\"trailingZeroDisplay\":\"auto\",\"roundingPriority\":\"auto\"}",
    "arrays [\"1,234.5,2\",\"1,235,,2\"]",
    "plural [[\"other\",\"one\",\"other\",\"other\"],[\"one\",\"two\",\"few\",\"other\",\"other\",\"other\",\"other\",\"one\",\"two\",\"few\"]]",
    "list [\"a, b, and c\",\"a or b\"]",
    "relative [\"yesterday\",\"in 2 weeks\",\"3 months ago\",\"5 min. ago\"]",
    "bad option throws TypeError Currency code is required with currency style.",
    "bad digits throws RangeError maximumFractionDigits value is out of range.",
];

const DATES_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.message); } };
const d = new Date(Date.UTC(2024, 0, 5, 15, 4, 9, 7));
const midnight = new Date(Date.UTC(2023, 11, 25, 0, 30, 0));
show("no arguments", () => [d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), midnight.toLocaleString(), new Date(NaN).toLocaleString()]);
show("components", () => [d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" }), d.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric" }), d.toLocaleDateString("en-US", { month: "short", day: "numeric" }), d.toLocaleDateString("en-US", { month: "2-digit", day: "2-digit", year: "numeric" }), d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" })]);
show("24 hours", () => [d.toLocaleTimeString("en-US", { hour12: false }), midnight.toLocaleTimeString("en-US", { hourCycle: "h23" }), d.toLocaleString("en-US", { timeZone: "UTC" })]);
show("dateStyle", () => ["full", "long", "medium", "short"].map((s) => new Intl.DateTimeFormat("en-US", { dateStyle: s }).format(d)));
show("timeStyle", () => ["full", "long", "medium", "short"].map((s) => new Intl.DateTimeFormat("en-US", { timeStyle: s, timeZone: "UTC" }).format(d)));
show("both styles", () => [new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(d), new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short" }).format(d)]);
show("mixed", () => [new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", hour: "numeric", minute: "2-digit" }).format(d), new Intl.DateTimeFormat("en-US", { weekday: "short", hour: "numeric" }).format(d), new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short" }).format(d)]);
show("formatToParts", () => new Intl.DateTimeFormat("en-US").formatToParts(d).map((p) => p.type + ":" + p.value).join(" "));
show("resolvedOptions", () => new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "numeric" }).resolvedOptions());
show("invalid time", () => new Intl.DateTimeFormat("en-US").format(new Date(NaN)));
show("style and field", () => new Intl.DateTimeFormat("en-US", { dateStyle: "full", weekday: "long" }));
"##;
/// node 20 (TZ=UTC) printed this for DATES_JS.
const DATES_NODE: &[&str] = &[
    "no arguments [\"1/5/2024, 3:04:09 PM\",\"1/5/2024\",\"3:04:09 PM\",\"12/25/2023, 12:30:00 AM\",\"Invalid Date\"]",
    "components [\"January 5, 2024\",\"Friday, January 5, 2024\",\"Jan 5\",\"01/05/2024\",\"03:04 PM\"]",
    "24 hours [\"15:04:09\",\"00:30:00\",\"1/5/2024, 3:04:09 PM\"]",
    "dateStyle [\"Friday, January 5, 2024\",\"January 5, 2024\",\"Jan 5, 2024\",\"1/5/24\"]",
    "timeStyle [\"3:04:09 PM Coordinated Universal Time\",\"3:04:09 PM UTC\",\"3:04:09 PM\",\"3:04 PM\"]",
    "both styles [\"Jan 5, 2024, 3:04 PM\",\"January 5, 2024 at 3:04 PM\"]",
    "mixed [\"January 5 at 3:04 PM\",\"Fri 3 PM\",\"Jan 2024\"]",
    "formatToParts \"month:1 literal:/ day:5 literal:/ year:2024\"",
    "resolvedOptions {\"locale\":\"en-US\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"UTC\",\"hourCycle\":\"h12\",\"hour12\":true,\"hour\":\"numeric\",\"minute\":\"2-digit\"}",
    "invalid time throws RangeError Invalid time value",
    "style and field throws TypeError Can't set option weekday when dateStyle is used",
];

const COLLATION_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.message); } };
const words = ["banana", "Apple", "apple", "_under", "Zebra", "zoë", "zoe", "Émile", "emile", "co-op", "coop", "item10", "item9", "item1", "Item2", "ß", "ss", "10", "9", "é", "e", "E", "!bang", "résumé", "resume"];
show("sort", () => [...words].sort((a, b) => a.localeCompare(b)));
show("numeric", () => ["item10", "item9", "item1", "Item2", "file02", "file1"].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
show("base", () => ["a".localeCompare("A", undefined, { sensitivity: "base" }), "a".localeCompare("á", undefined, { sensitivity: "base" }), "a".localeCompare("á", "en", { sensitivity: "accent" }), "a".localeCompare("b", "en-US")]);
show("collator", () => { const c = new Intl.Collator("en", { numeric: true, sensitivity: "base" }); return [c.compare("a2", "A10"), c.compare("x", "X"), c.resolvedOptions()]; });
show("caseFirst", () => ["a", "A", "b", "B"].sort(new Intl.Collator("en", { caseFirst: "upper" }).compare));
show("ignorePunctuation", () => new Intl.Collator("en", { ignorePunctuation: true }).compare("co-op", "coop"));
"##;
/// node 20 (TZ=UTC) printed this for COLLATION_JS.
const COLLATION_NODE: &[&str] = &[
    "sort [\"_under\",\"!bang\",\"10\",\"9\",\"apple\",\"Apple\",\"banana\",\"co-op\",\"coop\",\"e\",\"E\",\"é\",\"emile\",\"Émile\",\"item1\",\"item10\",\"Item2\",\"item9\",\"resume\",\"résumé\",\"ss\",\"ß\",\"Zebra\",\"zoe\",\"zoë\"]",
    "numeric [\"file1\",\"file02\",\"item1\",\"Item2\",\"item9\",\"item10\"]",
    "base [0,0,-1,-1]",
    "collator [-1,0,{\"locale\":\"en\",\"usage\":\"sort\",\"sensitivity\":\"base\",\"ignorePunctuation\":false,\"collation\":\"default\",\"numeric\":true,\"caseFirst\":\"false\"}]",
    "caseFirst [\"A\",\"a\",\"B\",\"b\"]",
    "ignorePunctuation 0",
];

const GLOBALS_JS: &str = r##"const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, "throws", e.name, e.message); } };
show("typeof", () => [typeof TextEncoder, typeof TextDecoder, typeof URL, typeof URLSearchParams, typeof structuredClone, typeof crypto, typeof queueMicrotask, typeof atob, typeof btoa, typeof Intl]);
show("Object.keys", () => Object.keys(globalThis).filter((k) => ["structuredClone", "crypto", "atob", "btoa", "queueMicrotask", "URL", "TextEncoder", "Intl"].includes(k)).sort());
globalThis.URL = 5;
TextEncoder = "mine";
delete globalThis.crypto;
structuredClone = null;
globalThis.Intl = { mine: true };
show("replaced", () => [URL, TextEncoder, typeof crypto, structuredClone, Intl.mine, typeof TextDecoder]);
Promise.prototype.then = function () { throw new Error("tampered then"); };
queueMicrotask(() => console.log("microtask still runs"));
console.log("sync done");
"##;
/// node 20 (TZ=UTC) printed this for GLOBALS_JS.
const GLOBALS_NODE: &[&str] = &[
    "typeof [\"function\",\"function\",\"function\",\"function\",\"function\",\"object\",\"function\",\"function\",\"function\",\"object\"]",
    "Object.keys [\"atob\",\"btoa\",\"crypto\",\"queueMicrotask\",\"structuredClone\"]",
    "replaced [5,\"mine\",\"undefined\",null,true,\"function\"]",
    "sync done",
    "microtask still runs",
];
