//! A snippet that attacks candor's in-guest instrumentation can neither turn a
//! failing run into a clean one nor forge or silence findings unnoticed; an
//! ordinary snippet that patches the same modules for its own ends is not
//! flagged. Also: Python sources with a byte order mark or a coding cookie, and
//! waits that nothing can end (one thread, no signals) fail with a clear error.

mod common;

use common::{assert_contains, run_snippet, scratch};
use serde_json::Value;

/// Runs `code` as `name` and returns the process's exit code and the report.
fn report(name: &str, code: &str, extra: &[&str]) -> (i32, Value) {
    let dir = scratch();
    let run = run_snippet(dir.path(), name, code, extra);
    (run.code, run.json())
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

fn tampering(r: &Value) -> String {
    r["tampering"].to_string()
}

#[track_caller]
fn assert_clean(r: &Value) {
    assert_eq!(r["instrumentation_tampered"], false, "{r:#}");
}

#[track_caller]
fn assert_tampered(r: &Value, detail: &str) {
    assert_eq!(r["instrumentation_tampered"], true, "{r:#}");
    assert_contains(&tampering(r), detail);
}

// -- the outcome -------------------------------------------------------------------

#[test]
fn replacing_json_dumps_cannot_forge_a_clean_exit() {
    let code = "import json\n\
                json.dumps = lambda *a, **k: '{\"exit_code\": 0, \"tampered\": [], \"facts\": 2}'\n\
                raise ValueError('boom')\n";
    let (exit, r) = report("forge.py", code, &[]);
    assert_eq!(exit, 3);
    assert_eq!(
        (r["outcome"].as_str(), r["exit_code"].as_i64()),
        (Some("failed"), Some(1))
    );
    assert_contains(r["stderr"].as_str().unwrap(), "ValueError: boom");
    // the harness does not use the snippet's json: nothing of it was tampered with
    assert_clean(&r);
}

#[test]
fn an_int_subclass_cannot_change_the_exit_status() {
    let code = "class Code(int):\n    def __and__(self, other):\n        return 0\n\nraise SystemExit(Code(1))\n";
    let (exit, r) = report("code.py", code, &[]);
    assert_eq!((exit, r["exit_code"].as_i64()), (3, Some(1)));
    assert_eq!(r["outcome"], "failed");
}

#[test]
fn replacing_the_harness_encoder_is_reported() {
    let code =
        "import sys\nsys.modules['app']._encode = lambda value: '{}'\nraise ValueError('x')\n";
    let (exit, r) = report("encoder.py", code, &[]);
    assert_eq!(exit, 3);
    assert_eq!(r["outcome"], "failed");
    assert_eq!(r["instrumentation_tampered"], true, "{r:#}");
}

// -- the monitor -------------------------------------------------------------------------

const SWALLOW: &str = "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        pass\n\nparse('x')\n";

#[test]
fn a_monitor_silenced_through_gc_is_reported() {
    for silence in [
        "m._channel = lambda fact: None",
        "m._send = lambda fact: None",
        "m._fired = lambda *args: None",
        "type(m)._fired = lambda *args: None",
        "type(m)._send.__code__ = (lambda self, fact: None).__code__",
    ] {
        let code = format!(
            "import gc\nfor m in gc.get_objects():\n    if type(m).__name__ == 'Monitor':\n        {silence}\n{SWALLOW}"
        );
        let (_, r) = report("silence.py", &code, &[]);
        assert_eq!(r["instrumentation_tampered"], true, "{silence}: {r:#}");
        assert_eq!(r["outcome"], "completed", "{silence}");
    }
}

#[test]
fn a_monitor_silenced_and_restored_is_reported() {
    let code = format!(
        "m = __candor_caught__.__self__\nsaved = m._channel\nm._channel = lambda fact: None\n{SWALLOW}m._channel = saved\n"
    );
    let (_, r) = report("restore.py", &code, &[]);
    assert_tampered(&r, "the snippet changed candor's monitor");
}

#[test]
fn calling_a_probe_directly_is_reported_and_ignored() {
    // `__candor_ok__` would mark the swallow as a retry that recovered
    // (the probes are in no namespace: the snippet finds the monitor through gc)
    let code = "import gc\n\
                ok = next(o for o in gc.get_objects() if type(o).__name__ == 'Monitor').ok\n\
                def parse(text):\n    for _ in range(2):\n        try:\n            return int(text)\n        except ValueError:\n            pass\n        ok(0)\n    return 0\n\
                parse('x')\n";
    let (_, r) = report("probe.py", code, &[]);
    assert_tampered(&r, "the snippet called candor's probe __candor_ok__ itself");
    assert_contains(&kinds(&r).join(","), "fabricated_value error");
}

#[test]
fn sending_through_the_monitor_or_its_channel_is_reported() {
    let code = format!(
        "m = __candor_caught__.__self__\n\
         m._send({{'fact': 'propagated', 'handler': 0, 'count': 1}})\n\
         m._channel({{'fact': 'propagated', 'handler': 0, 'count': 1}})\n{SWALLOW}"
    );
    let (_, r) = report("send.py", &code, &[]);
    assert_tampered(&r, "the snippet sent a fact through candor's monitor");
    assert_contains(
        &tampering(&r),
        "the snippet sent 1 fact through candor's channel",
    );
    // the forged facts were refused: the swallow is still reported
    assert_eq!(kinds(&r), ["swallowed_exception warning"]);
}

#[test]
fn facts_the_snippet_emits_itself_are_reported() {
    let code = format!(
        "import wit_world\n\
         wit_world.emit('{{\"fact\":\"runtime\",\"name\":\"cpython-evil\",\"version\":\"9.9\"}}')\n\
         {SWALLOW}\
         wit_world.emit('{{\"fact\":\"propagated\",\"handler\":0,\"count\":1}}')\n"
    );
    let (_, r) = report("emit.py", &code, &[]);
    assert_eq!(r["runtime"]["name"], "cpython");
    assert_eq!(r["runtime"]["version"], "3.14.0");
    assert_tampered(&r, "out of the harness's sequence");
    assert_contains(&tampering(&r), "runtime facts");
    assert_contains(
        &tampering(&r),
        "facts reached the host but candor's harness sent",
    );
}

#[test]
fn facts_emitted_before_a_hard_exit_are_still_reported() {
    // no status comes back after os._exit: the sequence still tells
    let code = format!(
        "import os, wit_world\n{SWALLOW}\
         wit_world.emit('{{\"fact\":\"propagated\",\"handler\":0,\"count\":1}}')\n\
         os._exit(0)\n"
    );
    let (_, r) = report("exit.py", &code, &[]);
    assert_tampered(&r, "out of the harness's sequence");
}

#[test]
fn ordinary_python_patching_is_not_tampering() {
    let code = "import builtins, functools, gc, json, sys\n\
                json.dumps = functools.partial(json.dumps, sort_keys=True)\n\
                json.JSONEncoder.default = lambda self, o: str(o)\n\
                _print = builtins.print\n\
                builtins.print = lambda *a, **k: _print('>', *a, **k)\n\
                builtins.len = lambda x: 0 if x == 'n/a' else sum(1 for _ in x)\n\
                class Point:\n    def toJSON(self):\n        return {'x': 1}\n\
                gc.collect()\n\
                found = sum(1 for o in gc.get_objects() if type(o).__name__ == 'Monitor')\n\
                def total(rows):\n    try:\n        return sum(r['n'] for r in rows)\n    except KeyError:\n        return 0\n\
                print(json.dumps({'b': total([{}]), 'a': found}))\n\
                sys.settrace(lambda *a: None)\n";
    let (exit, r) = report("patch.py", code, &[]);
    assert_clean(&r);
    assert_eq!(exit, 1, "{r:#}");
    assert_eq!(r["stdout"], "> {\"a\": 1, \"b\": 0}\n");
    assert_eq!(
        kinds(&r),
        ["swallowed_exception warning", "fabricated_value error"]
    );
}

#[test]
fn an_exception_message_with_a_lone_surrogate_is_not_tampering() {
    let py = "def f():\n    try:\n        raise ValueError('bad \\ud800 x')\n    except ValueError:\n        return 0\nprint(f())\n";
    let js = "function f() { try { throw new Error('bad \\ud800 x'); } catch (e) { return 0; } }\nconsole.log(f());\n";
    for (name, code) in [("s.py", py), ("s.js", js)] {
        let (_, r) = report(name, code, &[]);
        assert_clean(&r);
        assert_eq!(
            kinds(&r),
            ["swallowed_exception warning", "fabricated_value error"],
            "{name}"
        );
    }
}

// -- JavaScript -------------------------------------------------------------------------------

const JS_SWALLOW: &str =
    "function parse(t) { try { return JSON.parse(t); } catch (e) { } }\nparse('{');\n";

#[test]
fn object_prototype_to_json_and_setters_cannot_rewrite_facts() {
    let code = format!(
        "Object.prototype.toJSON = function () {{ return {{ fact: 'recovered', handler: 0, count: 1 }}; }};\n\
         String.prototype.toJSON = function () {{ return 'x'; }};\n\
         Object.defineProperty(Object.prototype, 'type', {{ set(v) {{}}, configurable: true }});\n\
         {JS_SWALLOW}"
    );
    let (_, r) = report("tojson.js", &code, &[]);
    assert_clean(&r);
    assert_eq!(kinds(&r), ["swallowed_exception warning"]);
}

#[test]
fn the_hook_cannot_be_called_by_its_old_name() {
    let code = format!("{JS_SWALLOW}__candor.propagated(0);\n");
    let (exit, r) = report("hook.js", &code, &[]);
    assert_eq!((exit, r["outcome"].as_str()), (3, Some("failed")));
    assert_contains(r["stderr"].as_str().unwrap(), "__candor is not defined");
    assert_eq!(kinds(&r), ["swallowed_exception warning"]);
}

#[test]
fn the_hook_name_does_not_leak() {
    // everything the snippet can list, print or unwind shows no secret name, and
    // a stack taken from inside the harness hands out none of its functions
    let code = "function parse(t) { try { return JSON.parse(t); } catch (e) { return null; } }\n\
                const names = Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith('__candor'));\n\
                const text = parse.toString();\n\
                let handed = -1;\n\
                const evil = { get name() {\n\
                  const saved = Error.prepareStackTrace;\n\
                  Error.prepareStackTrace = (_, sites) => sites;\n\
                  const sites = new Error().stack;\n\
                  Error.prepareStackTrace = saved;\n\
                  handed = sites.filter((s) => s.getFileName() === '<candor>' && s.getFunction() !== undefined).length;\n\
                  return 'Evil';\n\
                } };\n\
                try { throw evil; } catch (e) { }\n\
                console.log(JSON.stringify({ names, secret: /__candor_[0-9a-f]{16}/.test(text), probe: text.includes('__candor.caught('), handed }));\n";
    let (_, r) = report("leak.js", code, &[]);
    assert_eq!(
        r["stdout"], "{\"names\":[],\"secret\":false,\"probe\":true,\"handed\":0}\n",
        "{r:#}"
    );
    assert_clean(&r);
}

#[test]
fn a_with_statement_learns_nothing() {
    let code = "let seen = [];\n\
                const spy = new Proxy({}, { has(t, k) { seen.push(String(k)); return false; } });\n\
                with (spy) { try { JSON.parse('{'); } catch (e) { } }\n\
                console.log(seen.filter((k) => k.startsWith('__candor')).length);\n";
    let (_, r) = report("with.js", code, &[]);
    assert_eq!(r["stdout"], "0\n", "{r:#}");
    assert_clean(&r);
}

#[test]
fn ordinary_javascript_to_json_is_not_tampering() {
    let code = "class Money { constructor(c) { this.c = c; } toJSON() { return `${this.c / 100}`; } }\n\
                function price(row) { try { return new Money(row.cents); } catch (e) { return new Money(0); } }\n\
                console.log(JSON.stringify({ total: price({ cents: 250 }) }));\n";
    let (exit, r) = report("money.js", code, &[]);
    assert_eq!(
        (exit, r["stdout"].as_str()),
        (0, Some("{\"total\":\"2.5\"}\n"))
    );
    assert_clean(&r);
}

#[test]
fn deterministic_javascript_runs_repeat_with_the_hook_renamed() {
    let dir = scratch();
    let code = format!("{JS_SWALLOW}console.log(parse.toString().length);\n");
    let first = run_snippet(dir.path(), "again.js", &code, &["--deterministic"]).json();
    let second = run_snippet(dir.path(), "again.js", &code, &["--deterministic"]).json();
    assert_eq!(first["fuel_consumed"], second["fuel_consumed"]);
    assert_eq!(first["stdout"], second["stdout"]);
    assert_clean(&first);
}

// -- Python source encodings ----------------------------------------------------------------

#[test]
fn a_utf8_byte_order_mark_is_read_as_python3_reads_it() {
    let (exit, r) = report(
        "bom.py",
        "\u{feff}import sys\nraise ValueError('two')\n",
        &[],
    );
    assert_eq!(exit, 3);
    assert_eq!(
        r["stderr"],
        "Traceback (most recent call last):\n  File \"bom.py\", line 2, in <module>\n    raise ValueError('two')\nValueError: two\n"
    );
    let (exit, r) = report("bom.py", "\u{feff}print('bom ok')\n", &[]);
    assert_eq!((exit, r["stdout"].as_str()), (0, Some("bom ok\n")));
    // handlers keep their lines and columns
    let (_, r) = report("bom.py", &format!("\u{feff}{SWALLOW}"), &[]);
    let f = &r["findings"][0];
    assert_eq!(
        (f["line"].as_i64(), f["column"].as_i64()),
        (Some(4), Some(5)),
        "{r:#}"
    );
}

#[test]
fn a_coding_cookie_does_not_reinterpret_utf8_text() {
    let (exit, r) = report(
        "cookie.py",
        "# -*- coding: latin-1 -*-\nprint('caf\u{e9}')\n",
        &[],
    );
    assert_eq!((exit, r["stdout"].as_str()), (0, Some("caf\u{e9}\n")));
}

// -- waits nothing can end -----------------------------------------------------------------------

#[test]
fn waits_nothing_can_end_fail_with_a_clear_error() {
    let cases = [
        (
            "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n",
            "RuntimeError: deadlock: the program waits for an event nothing can trigger",
        ),
        (
            "import select\nselect.select([], [], [])\n",
            "RuntimeError: deadlock: the program waits for I/O on no file and with no timeout",
        ),
        (
            "import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n",
            "RuntimeError: deadlock: the program waits for a lock it holds itself",
        ),
        (
            "import queue\nqueue.Queue().get()\n",
            "RuntimeError: deadlock: the program waits for a lock it holds itself, or for a queue",
        ),
        (
            "import threading\nthreading.Thread(target=print).start()\n",
            "RuntimeError: can't start new thread: the sandbox runs one thread",
        ),
    ];
    for (code, message) in cases {
        let (exit, r) = report("wait.py", code, &["--timeout", "20s"]);
        assert_eq!(
            (exit, r["outcome"].as_str()),
            (3, Some("failed")),
            "{code}: {r:#}"
        );
        assert_eq!(r["exit_code"], 1, "{code}");
        assert_contains(r["stderr"].as_str().unwrap(), message);
    }
}

#[test]
fn waits_with_a_timeout_still_time_out() {
    let code = "import asyncio, queue, select, threading\n\
                lock = threading.Lock()\n\
                with lock:\n    print(lock.acquire(timeout=0.01), lock.acquire(False), lock.locked())\n\
                q = queue.Queue()\nq.put(1)\nprint(q.get())\n\
                try:\n    q.get(timeout=0.01)\nexcept queue.Empty:\n    print('empty')\n\
                print(threading.Event().wait(0.01), select.select([], [], [], 0.01))\n\
                async def main():\n    await asyncio.sleep(0.01)\n    return 5\n\
                print(asyncio.run(main()))\n";
    let (exit, r) = report("timed.py", code, &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(
        r["stdout"],
        "False False True\n1\nempty\nFalse ([], [], [])\n5\n"
    );
}
