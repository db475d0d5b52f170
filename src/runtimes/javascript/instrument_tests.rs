//! Unit tests of the JavaScript / TypeScript instrumentation.

use super::*;

pub(super) fn run(source: &str, file: &str) -> Instrumented {
    instrument(source, file).unwrap_or_else(|e| panic!("{e}"))
}

/// The facts as JSON values, handlers first.
pub(super) fn facts(i: &Instrumented) -> Vec<serde_json::Value> {
    i.facts
        .iter()
        .map(|f| serde_json::from_str(f).expect("a fact is JSON"))
        .collect()
}

pub(super) fn of_kind<'v>(
    facts: &'v [serde_json::Value],
    kind: &str,
) -> Vec<&'v serde_json::Value> {
    facts.iter().filter(|f| f["fact"] == kind).collect()
}

/// The code without whitespace, for robust `contains` checks.
pub(super) fn squashed(code: &str) -> String {
    code.split_whitespace().collect()
}

#[test]
fn a_catch_clause_reports_its_error_first() {
    let i = run("try { f(); } catch (err) { console.log('x'); }\n", "s.js");
    let code = squashed(&i.code);
    assert!(
        code.contains("catch(err){__candor.caught(0,err);console.log(\"x\");}"),
        "{}",
        i.code
    );
    let f = facts(&i);
    let h = of_kind(&f, "handler");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0]["kind"], "except");
    assert_eq!(
        (h[0]["line"].as_u64(), h[0]["column"].as_u64()),
        (Some(1), Some(14))
    );
    assert_eq!(h[0]["surfaces"], true);
    assert_eq!(h[0]["catches"], serde_json::json!([]));
}

#[test]
fn a_catch_without_binding_gets_one() {
    let i = run("try { f(); } catch { }\n", "s.js");
    assert!(
        squashed(&i.code).contains("catch(__candor_e){__candor.caught(0,__candor_e);}"),
        "{}",
        i.code
    );
    let f = facts(&i);
    assert_eq!(of_kind(&f, "handler")[0]["drops"], true);
    assert_eq!(of_kind(&f, "handler")[0]["surfaces"], false);
}

#[test]
fn placeholders_in_a_handler_are_sites() {
    let src = "function total(rows) {\n  try {\n    return sum(rows);\n  } catch (e) {\n    return 0;\n  }\n}\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains("return__candor.value(0,0,0);"),
        "{}",
        i.code
    );
    let f = facts(&i);
    let site = of_kind(&f, "site")[0];
    assert_eq!(site["handler"], 0);
    assert_eq!(site["via"], "return");
    assert_eq!(site["kind"], "literal");
    assert_eq!(
        (site["line"].as_u64(), site["column"].as_u64()),
        (Some(5), Some(12))
    );
    assert_eq!(site["text"], "0");
    let h = of_kind(&f, "handler")[0];
    assert_eq!(h["function"], "total");
    assert_eq!(h["surfaces"], false);
    assert_eq!(h["recovers"], false);
}

#[test]
fn placeholder_kinds() {
    let cases = [
        ("[]", "container"),
        ("{ ok: false, items: [] }", "container"),
        ("-1", "literal"),
        ("`none`", "literal"),
        ("new Date(0)", "constructor"),
        ("Math.random()", "random"),
        ("Math.random().toString(36).slice(2, 10)", "random"),
        ("Math.floor(Math.random() * 100)", "random"),
        ("new Date(0).toISOString()", "constructor"),
        ("DEFAULTS", "constant"),
    ];
    for (expr, kind) in cases {
        let src = format!(
            "const DEFAULTS = {{ a: 1 }};\nfunction f() {{ try {{ return g(); }} catch (e) {{ return {expr}; }} }}\n"
        );
        let i = run(&src, "s.js");
        let f = facts(&i);
        let sites = of_kind(&f, "site");
        assert_eq!(sites.len(), 1, "{expr}: {:?}", i.facts);
        assert_eq!(sites[0]["kind"], kind, "{expr}");
    }
}

#[test]
fn computed_values_recover_and_are_no_sites() {
    let src = "function f(text) { try { return JSON.parse(text); } catch (e) { return parseFloat(text); } }\n";
    let i = run(src, "s.js");
    let f = facts(&i);
    assert!(of_kind(&f, "site").is_empty());
    assert_eq!(of_kind(&f, "handler")[0]["recovers"], true);
}

#[test]
fn assignment_of_a_placeholder_used_later() {
    let src = "let data;\ntry { data = load(); } catch (e) { data = []; }\nconsole.log(data);\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains("data=__candor.value(0,0,[]);"),
        "{}",
        i.code
    );
    assert_eq!(of_kind(&facts(&i), "site")[0]["via"], "assign");
}

#[test]
fn a_rethrow_is_always_and_reports_propagation() {
    let src = "try { f(); } catch (e) { throw new Error('wrapped', { cause: e }); }\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains("{__candor.propagated(0);thrownewError("),
        "{}",
        i.code
    );
    let f = facts(&i);
    assert_eq!(of_kind(&f, "handler")[0]["reraises"], "always");
    let src = "try { f(); } catch (e) { if (e instanceof TypeError) throw e; }\n";
    let f = facts(&run(src, "s.js"));
    assert_eq!(of_kind(&f, "handler")[0]["reraises"], "sometimes");
}

#[test]
fn promise_handlers_are_wrapped() {
    let src = "p.catch(() => []);\np.then(v => v, (err) => { console.error(err); });\np.catch(console.error);\n";
    let i = run(src, "s.js");
    let code = squashed(&i.code);
    assert!(
        code.contains("p.catch(__candor.handler(0,()=>__candor.value(0,0,[])));"),
        "{}",
        i.code
    );
    assert!(
        code.contains("p.then((v)=>v,__candor.handler(1,(err)=>{console.error(err);}));"),
        "{}",
        i.code
    );
    assert!(
        code.contains("p.catch(__candor.handler(2,console.error));"),
        "{}",
        i.code
    );
    let f = facts(&i);
    let h = of_kind(&f, "handler");
    assert_eq!(h.len(), 3);
    assert_eq!(
        (h[0]["line"].as_u64(), h[0]["column"].as_u64()),
        (Some(1), Some(9))
    );
    assert_eq!(h[1]["surfaces"], true);
    assert_eq!(h[2]["surfaces"], true);
}

#[test]
fn a_finally_that_returns_is_a_handler() {
    let src = "function f() {\n  try {\n    return g();\n  } finally {\n    return 1;\n  }\n}\n";
    let i = run(src, "s.js");
    let code = squashed(&i.code);
    assert!(code.contains("let__candor_f0=__candor.none;"), "{}", i.code);
    assert!(
        code.contains("catch(__candor_x){__candor_f0=__candor_x;throw__candor_x;}"),
        "{}",
        i.code
    );
    assert!(
        code.contains("{__candor.discard(0,__candor_f0);return__candor.value(0,0,1);}"),
        "{}",
        i.code
    );
    let f = facts(&i);
    let h = of_kind(&f, "handler")[0];
    assert_eq!(h["kind"], "finally");
    assert_eq!(h["drops"], true);
    assert_eq!(h["line"], 4);
}

#[test]
fn cleanup_only_finally_is_left_alone() {
    let i = run("try { f(); } finally { close(); }\n", "s.js");
    assert!(i.facts.is_empty());
    assert!(!i.code.contains("__candor"));
}

#[test]
fn a_retry_loop_marks_success() {
    let src = "async function get() {\n  for (let i = 0; i < 3; i++) {\n    try {\n      return await fetchIt();\n    } catch (e) {\n      await sleep(10);\n    }\n  }\n  throw new Error('gave up');\n}\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains("return__candor.ok(0,awaitfetchIt());"),
        "{}",
        i.code
    );
    assert_eq!(of_kind(&facts(&i), "handler")[0]["retry"], true);
}

#[test]
fn a_placeholder_returned_after_a_swallow() {
    let src = "function parse(t) {\n  try { return JSON.parse(t); } catch {}\n  return {};\n}\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains("return__candor.value(0,__candor_h,{});"),
        "{}",
        i.code
    );
    let f = facts(&i);
    let site = of_kind(&f, "site")[0];
    assert_eq!(site["handler"], serde_json::Value::Null);
    assert_eq!(site["via"], "return_after_swallow");
    assert_eq!(site["line"], 3);
}

#[test]
fn a_predicate_failure_value_is_not_a_site() {
    let src = "function isJson(t) {\n  try { JSON.parse(t); return true; } catch (e) { return false; }\n}\n";
    let f = facts(&run(src, "s.js"));
    assert!(of_kind(&f, "site").is_empty());
    assert_eq!(of_kind(&f, "handler")[0]["failure_value"], true);
}

#[test]
fn typescript_is_stripped_and_positions_are_original() {
    let src = "interface Row {\n  price: number;\n}\ntype Id = string;\nfunction total(rows: Row[]): number {\n  try {\n    return rows.reduce((s: number, r: Row) => s + r.price, 0);\n  } catch (e: unknown) {\n    return 0 as number;\n  }\n}\n";
    let i = run(src, "snippet.ts");
    assert!(!i.code.contains("interface"), "{}", i.code);
    assert!(!i.code.contains(": number"), "{}", i.code);
    assert!(!i.module);
    let f = facts(&i);
    let h = of_kind(&f, "handler")[0];
    assert_eq!(
        (h["line"].as_u64(), h["column"].as_u64()),
        (Some(8), Some(5))
    );
    let site = of_kind(&f, "site")[0];
    assert_eq!(site["line"], 9);
    // the generated line of the wrapped placeholder maps back to the user's line 9
    let value_line = i
        .code
        .lines()
        .position(|l| l.contains("return __candor.value"))
        .unwrap() as u32
        + 1;
    let mapped: Vec<u32> = i
        .line_map
        .lines()
        .filter_map(|l| {
            let v: Vec<u32> = l.split(' ').map(|x| x.parse().unwrap()).collect();
            (v[0] == value_line).then_some(v[2])
        })
        .collect();
    assert_eq!(mapped.first(), Some(&9), "{}\n{}", i.code, i.line_map);
}

#[test]
fn modules_and_scripts() {
    assert!(run("import fs from 'fs';\n", "s.js").module);
    assert!(run("await Promise.resolve(1);\n", "s.js").module);
    assert!(run("export const x = 1;\n", "s.ts").module);
    assert!(!run("console.log(1);\n", "s.js").module);
    assert!(!run("async function f() { await g(); }\n", "s.js").module);
}

#[test]
fn syntax_errors_carry_the_original_line() {
    let e = instrument("const a = 1;\nconst b = ;\n", "s.js").unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    assert!(!e.message.is_empty());
    let e = instrument("interface A {\n  x: number;\n}\nlet y: = 3;\n", "s.ts").unwrap_err();
    assert_eq!(e.line, 4, "{e}");
}

#[test]
fn nested_handlers_get_their_own_sites() {
    let src = "function f() {\n  try { a(); } catch (e) {\n    try { b(); } catch (e2) { return 2; }\n    return 1;\n  }\n}\n";
    let i = run(src, "s.js");
    let f = facts(&i);
    let sites = of_kind(&f, "site");
    assert_eq!(sites.len(), 2, "{:?}", i.facts);
    let owners: Vec<_> = sites
        .iter()
        .map(|s| (s["text"].as_str().unwrap(), s["handler"].as_u64().unwrap()))
        .collect();
    assert!(
        owners.contains(&("1", 0)) && owners.contains(&("2", 1)),
        "{owners:?}"
    );
    assert!(!i.code.contains("value(1, 1, __candor.value"), "{}", i.code);
}

#[test]
fn logging_or_collecting_surfaces() {
    for body in [
        "logger.warn('failed')",
        "errors.push(row)",
        "failures++",
        "process.stderr.write('x')",
    ] {
        // a counter counts as surfacing when it is read later
        let src = format!("try {{ f(); }} catch (e) {{ {body}; }}\nreport(failures);\n");
        let f = facts(&run(&src, "s.js"));
        assert_eq!(of_kind(&f, "handler")[0]["surfaces"], true, "{body}");
    }
}

#[test]
fn a_method_on_data_or_arithmetic_on_data_is_computed() {
    for expr in [
        "text.trim().slice(2)",
        "Math.floor(n * 100)",
        "Math.max(0, n)",
        "DEFAULTS.a + n",
    ] {
        let src = format!(
            "const DEFAULTS = {{ a: 1 }};\nfunction f(text, n) {{ try {{ return g(); }} catch (e) {{ return {expr}; }} }}\n"
        );
        let i = run(&src, "s.js");
        let f = facts(&i);
        assert!(of_kind(&f, "site").is_empty(), "{expr}: {:?}", i.facts);
        assert_eq!(of_kind(&f, "handler")[0]["recovers"], true, "{expr}");
    }
}

#[test]
fn an_inline_promise_handler_echoing_the_enclosing_parameters_is_a_placeholder() {
    let src = "function forecast(city) {\n  return api(city).catch(function () { return { city: city, days: [] }; });\n}\n";
    let i = run(src, "s.js");
    let f = facts(&i);
    let sites = of_kind(&f, "site");
    assert_eq!(sites.len(), 1, "{:?}", i.facts);
    assert_eq!(sites[0]["kind"], "container");
    assert_eq!(sites[0]["line"], 2);
}

#[test]
fn a_destructured_catch_reports_the_whole_error() {
    let src = "try { f(); } catch ({ message, code }) { log(code); }\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains(
            "catch(__candor_e){__candor.caught(0,__candor_e);let{message,code}=__candor_e;"
        ),
        "{}",
        i.code
    );
    // using one of the destructured names is using the error
    let f = facts(&i);
    assert_eq!(of_kind(&f, "handler")[0]["surfaces"], true);
}

#[test]
fn a_callback_in_the_handler_that_uses_the_error_surfaces_it() {
    let src = "function f() {\n  try { g(); } catch (err) {\n    setTimeout(() => report(err), 1);\n    return 0;\n  }\n}\n";
    let i = run(src, "s.js");
    let f = facts(&i);
    assert_eq!(of_kind(&f, "handler")[0]["surfaces"], true);
    // a callback that neither uses the error nor runs in the handler does not
    let src = "function f() {\n  try { g(); } catch (err) {\n    const again = () => { throw new Error('x'); };\n    return 0;\n  }\n}\n";
    let i = run(src, "s.js");
    let f = facts(&i);
    let h = of_kind(&f, "handler")[0];
    assert_eq!(h["surfaces"], false);
    assert_eq!(h["reraises"], "never");
    assert_eq!(of_kind(&f, "site").len(), 1);
}

#[test]
fn an_exported_constant_is_a_module_constant() {
    let src = "export const FALLBACK = { items: [] };\nexport function f() { try { return g(); } catch { return FALLBACK; } }\n";
    let i = run(src, "s.mjs");
    let f = facts(&i);
    let sites = of_kind(&f, "site");
    assert_eq!(sites.len(), 1, "{:?}", i.facts);
    assert_eq!(sites[0]["kind"], "constant");
}

#[test]
fn unread_all_settled_results_are_a_dropping_handler() {
    let src = "await Promise.allSettled(jobs);\nconst unused = await Promise.allSettled(more);\nconst results = await Promise.allSettled(read);\nconsole.log(results);\n";
    let i = run(src, "s.mjs");
    let code = squashed(&i.code);
    assert!(
        code.contains("await__candor.settled(0,Promise.allSettled(jobs));"),
        "{}",
        i.code
    );
    assert!(
        code.contains("constunused=await__candor.settled(1,Promise.allSettled(more));"),
        "{}",
        i.code
    );
    assert!(
        code.contains("constresults=awaitPromise.allSettled(read);"),
        "{}",
        i.code
    );
    let f = facts(&i);
    let h = of_kind(&f, "handler");
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["drops"], true);
    assert_eq!(
        (h[0]["line"].as_u64(), h[0]["column"].as_u64()),
        (Some(1), Some(7))
    );
}

#[test]
fn enum_members_and_module_constant_fields_are_constants() {
    for (expr, file) in [("Status.Unknown", "s.ts"), ("DEFAULTS.timeout", "s.js")] {
        let src = format!(
            "enum Status {{ Ok, Unknown }}\nconst DEFAULTS = {{ timeout: 5 }};\nfunction f() {{ try {{ return g(); }} catch {{ return {expr}; }} }}\n"
        );
        let src = if file == "s.js" {
            src.lines().skip(1).collect::<Vec<_>>().join("\n")
        } else {
            src
        };
        let i = run(&src, file);
        let f = facts(&i);
        let sites = of_kind(&f, "site");
        assert_eq!(sites.len(), 1, "{expr}: {:?}", i.facts);
        assert_eq!(sites[0]["kind"], "constant");
    }
    // a field of a parameter or of a mutable object is data
    let src = "let state = { n: 1 };\nfunction f(opts) { try { return g(); } catch { return opts.n + state.n; } }\n";
    let f = facts(&run(src, "s.js"));
    assert!(of_kind(&f, "site").is_empty());
}

#[test]
fn without_detection_the_program_is_only_stripped_of_types() {
    let src = "function f(x: string): number {\n  try { return JSON.parse(x); } catch { return 0; }\n}\nconsole.log(f('1'));\n";
    let i = compile(src, "s.ts", true, false, HOOK_PREFIX).unwrap_or_else(|e| panic!("{e}"));
    assert!(!i.code.contains(HOOK_PREFIX), "{}", i.code);
    assert!(!i.code.contains(": string"), "{}", i.code);
    assert!(i.facts.is_empty());
    assert!(!i.line_map.is_empty());
    // syntax errors are still reported
    assert!(compile("let = ;\n", "s.js", false, false, HOOK_PREFIX).is_err());
}

#[test]
fn the_hook_and_the_rewrites_variables_take_the_runs_name() {
    let hook = hook_name("x", false);
    assert_eq!(hook.len(), "__candor_".len() + 16);
    assert_ne!(hook, hook_name("x", false), "a fresh name each run");
    assert_eq!(
        hook_name("x", true),
        hook_name("x", true),
        "repeatable when deterministic"
    );
    assert_ne!(hook_name("x", true), hook_name("y", true));
    let src = "function f(t) {\n  try { return JSON.parse(t); } catch { return []; } finally { if (t) return 1; }\n}\n";
    let i = compile(src, "s.js", false, true, &hook).unwrap_or_else(|e| panic!("{e}"));
    // every name the rewrite introduces starts with the run's name
    let renamed = i.code.replace(&hook, "");
    assert!(!renamed.contains("__candor"), "{}", i.code);
    assert!(
        i.code.contains(&format!("{hook}.caught(0, {hook}_e)")),
        "{}",
        i.code
    );
}

#[test]
fn nothing_inside_a_with_statement_is_rewritten() {
    let i = run("with (o) { try { f(); } catch (e) { } }\n", "s.js");
    assert!(!i.code.contains(HOOK_PREFIX), "{}", i.code);
}
