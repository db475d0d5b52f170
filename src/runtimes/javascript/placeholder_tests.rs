//! Unit tests of what the JavaScript instrumentation shares with Python's:
//! substituted lookups, constants put into the results, and the idioms.

use super::tests::{facts, of_kind, run, squashed};

/// The handler facts and site facts of `src` (a `.js` file).
fn handlers_and_sites(src: &str) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let f = facts(&run(src, "s.js"));
    let handlers = of_kind(&f, "handler").into_iter().cloned().collect();
    let sites = of_kind(&f, "site").into_iter().cloned().collect();
    (handlers, sites)
}

#[test]
fn a_substituted_lookup_names_the_lookup_that_failed_and_passes_the_container() {
    let src = "function score(row) {\n  try {\n    return column(row, \"score2025\");\n  } catch (err) {\n    return Object.values(row).at(-1);\n  }\n}\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains("return__candor.value(0,0,Object.values(row).at(-1),row);"),
        "{}",
        i.code
    );
    let f = facts(&i);
    let site = of_kind(&f, "site")[0];
    assert_eq!(site["kind"], "substitute");
    assert_eq!(site["wanted"], "column(row, \"score2025\")");
    assert_eq!(site["text"], "Object.values(row).at(-1)");
    assert_eq!(of_kind(&f, "handler")[0]["recovers"], false);

    for (guarded, value, wanted) in [
        (
            "const v = row.revenue2025; return v;",
            "row[keys[keys.length - 1]]",
            "row.revenue2025",
        ),
        ("return rows[index];", "rows[0]", "rows[index]"),
        (
            "return prices.get(sku);",
            "prices.get(\"default\")",
            "prices.get(sku)",
        ),
        (
            "return this.rows[i];",
            "[...this.rows].at(-1)",
            "this.rows[i]",
        ),
    ] {
        let src = format!(
            "function f(row, keys, rows, index, prices, sku, i) {{ try {{ {guarded} }} catch {{ return {value}; }} }}\n"
        );
        let (_, sites) = handlers_and_sites(&src);
        assert_eq!(sites.len(), 1, "{value}");
        assert_eq!(sites[0]["kind"], "substitute", "{value}");
        assert_eq!(sites[0]["wanted"], wanted, "{value}");
    }
}

#[test]
fn a_key_computed_from_the_failed_one_or_another_container_is_no_substitute() {
    for (guarded, value) in [
        ("return headers[name];", "headers[name.toLowerCase()]"),
        ("return row.price;", "row[\"price\"]"),
        ("return row.price;", "other[0]"),
        ("return row.price;", "row.cost"),
    ] {
        let src = format!(
            "function f(headers, name, row, other) {{ try {{ {guarded} }} catch {{ return {value}; }} }}\n"
        );
        let (handlers, sites) = handlers_and_sites(&src);
        assert!(sites.is_empty(), "{value}: {sites:?}");
        assert_eq!(handlers[0]["recovers"], true, "{value}");
    }
}

#[test]
fn fixed_entries_of_module_constants_and_nan_are_placeholders() {
    for value in [
        "OPTIONS[0]",
        "RATES[RATES.length - 1].rate",
        "OPTIONS.at(-1)",
        "Number.NaN",
    ] {
        let src = format!(
            "const OPTIONS = [1, 2];\nconst RATES = [{{ rate: 1 }}];\nfunction f(x) {{ try {{ return g(x); }} catch {{ return {value}; }} }}\n"
        );
        let (_, sites) = handlers_and_sites(&src);
        assert_eq!(sites.len(), 1, "{value}");
        let kind = if value == "Number.NaN" {
            "literal"
        } else {
            "constant"
        };
        assert_eq!(sites[0]["kind"], kind, "{value}");
    }
    // a position computed from the data, or the length of another array, is data
    for value in ["OPTIONS[x]", "OPTIONS[RATES.length - 1]"] {
        let src = format!(
            "const OPTIONS = [1, 2];\nconst RATES = [1];\nfunction f(x) {{ try {{ return g(x); }} catch {{ return {value}; }} }}\n"
        );
        let (_, sites) = handlers_and_sites(&src);
        assert!(sites.is_empty(), "{value}");
    }
}

#[test]
fn a_constant_pushed_or_added_where_the_guarded_code_puts_the_real_value() {
    let src = "const steps = [];\nfor (const c of cells) {\n  try { steps.push(parse(c)); } catch (e) { steps.push(0); }\n}\nconsole.log(steps);\n";
    let i = run(src, "s.js");
    assert!(
        squashed(&i.code).contains("steps.push(__candor.value(0,0,0));"),
        "{}",
        i.code
    );
    let (handlers, sites) = handlers_and_sites(src);
    assert_eq!(
        (sites[0]["via"].as_str(), sites[0]["kind"].as_str()),
        (Some("append"), Some("literal"))
    );
    assert_eq!(handlers[0]["surfaces"], false);

    // `total += 0`, and a constant added where the guarded code adds
    for (guarded, handler) in [
        ("total += price(x);", "total += 0;"),
        ("total += price(x);", "total += 1;"),
    ] {
        let src = format!(
            "let total = 0;\ntry {{ {guarded} }} catch (e) {{ {handler} }}\nconsole.log(total);\n"
        );
        let (handlers, sites) = handlers_and_sites(&src);
        assert_eq!(sites.len(), 1, "{handler}");
        assert_eq!(sites[0]["via"], "accumulate");
        assert_eq!(handlers[0]["surfaces"], false, "{handler}");
    }

    // collecting the error, or another list, is a record of the failure
    let src = "try { steps.push(parse(c)); } catch (e) { errors.push(c); }\n";
    let (handlers, sites) = handlers_and_sites(src);
    assert!(sites.is_empty());
    assert_eq!(handlers[0]["surfaces"], true);
}

#[test]
fn a_counter_surfaces_the_failures_only_when_it_is_read() {
    for (counter, read, surfaces) in [
        ("skipped++", "console.log(skipped);", true),
        ("skipped += 1", "console.log(skipped);", true),
        ("skipped++", "", false),
        ("skipped += 1", "", false),
        ("this.misses += 1", "console.log(cache.misses);", true),
        ("this.misses += 1", "", false),
    ] {
        let src = format!("let skipped = 0;\ntry {{ go(); }} catch (e) {{ {counter}; }}\n{read}\n");
        let (handlers, _) = handlers_and_sites(&src);
        assert_eq!(handlers[0]["surfaces"], surfaces, "{counter} / {read}");
    }
}

#[test]
fn a_placeholder_stored_where_the_guarded_code_stores_the_real_value() {
    let src = "const totals = {};\ntry { totals[k] = parse(v); } catch (e) { totals[k] = 0; }\n";
    let (_, sites) = handlers_and_sites(src);
    assert_eq!(
        (sites[0]["via"].as_str(), sites[0]["text"].as_str()),
        (Some("store"), Some("0"))
    );
    // a flag the guarded code does not set, or sets to the same value, is no stand-in
    for src in [
        "try { this.data = load(); } catch (e) { this.loading = false; }\n",
        "try { this.data = load(); this.loading = false; } catch (e) { this.loading = false; }\n",
    ] {
        let (_, sites) = handlers_and_sites(src);
        assert!(sites.is_empty(), "{src}");
    }
    // filling in the entry the guarded code read through is a recovery
    let src = "try { counts[w].n += 1; } catch (e) { counts[w] = { n: 1 }; }\n";
    let (handlers, sites) = handlers_and_sites(src);
    assert!(sites.is_empty());
    assert_eq!(handlers[0]["recovers"], true);
}

#[test]
fn a_destructured_assignment_of_placeholders_is_a_site() {
    let src = "let price, qty;\ntry { [price, qty] = parse(line); } catch (err) { [price, qty] = [0, 0]; }\nconsole.log(price * qty);\n";
    let (_, sites) = handlers_and_sites(src);
    assert_eq!(
        (sites[0]["via"].as_str(), sites[0]["text"].as_str()),
        (Some("assign"), Some("[0, 0]"))
    );
}

#[test]
fn a_narrowing_first_statement_says_what_the_handler_catches() {
    let src = "try { f(); } catch (err) { if (!(err instanceof RangeError || err instanceof TypeError)) throw err; return 0; }\n";
    let (handlers, _) = handlers_and_sites(&format!("function g() {{ {src} }}\n"));
    assert_eq!(
        handlers[0]["catches"],
        serde_json::json!(["RangeError", "TypeError"])
    );
    assert_eq!(handlers[0]["reraises"], "never");
    assert_eq!(handlers[0]["surfaces"], false);
    let src =
        "function g() { try { f(); } catch (e) { if (e.code !== \"ENOENT\") { throw e; } } }\n";
    let (handlers, _) = handlers_and_sites(src);
    assert_eq!(handlers[0]["catches"], serde_json::json!(["ENOENT"]));
    assert_eq!(handlers[0]["drops"], true);
}

#[test]
fn expected_exception_tests_are_an_idiom() {
    for src in [
        // narrowed to the expected error, the failure throw inside the try
        "try { parse(''); throw new Error('should throw'); } catch (e) { if (!(e instanceof RangeError)) throw e; }\n",
        // a helper: the failure after the try
        "function assertThrows(fn) { try { fn(); } catch { return; } throw new Error('did not throw'); }\n",
        // a flag checked right after
        "let threw = false;\ntry { withdraw(500); } catch { threw = true; }\nif (!threw) throw new Error('should throw');\n",
        "let threw = false;\ntry { withdraw(500); } catch { threw = true; }\nif (threw === false) { assert.fail('no throw'); }\n",
    ] {
        let (handlers, _) = handlers_and_sites(src);
        assert_eq!(handlers[0]["idiom"], "expected_exception", "{src}");
    }
    // a flag that is not checked, or a handler that does more, is no test
    for src in [
        "let threw = false;\ntry { withdraw(500); } catch { threw = true; }\nconsole.log(threw);\n",
        "function f() { try { g(); } catch { return 0; } throw new Error('x'); }\n",
        "function f() { try { const r = g(); if (r) return r; throw new Error('none'); } catch {} }\n",
    ] {
        let (handlers, _) = handlers_and_sites(src);
        assert!(handlers[0]["idiom"].is_null(), "{src}");
    }
}

#[test]
fn a_catch_all_test_tells_its_own_failure_from_the_expected_error_at_run_time() {
    let src = "try {\n  stack.pop();\n  throw new Error('pop should throw');\n} catch {}\n";
    let i = run(src, "s.js");
    let code = squashed(&i.code);
    assert!(code.contains("__candor.failing(0);throw"), "{}", i.code);
    assert!(
        code.contains("catch(__candor_e){__candor.expected(0,__candor_e);}"),
        "{}",
        i.code
    );
    let f = facts(&i);
    assert!(of_kind(&f, "handler")[0]["idiom"].is_null());
}

#[test]
fn optional_requires_cleanups_and_checked_results_are_idioms() {
    let cases = [
        (
            "let chalk;\ntry { chalk = require('chalk'); } catch { chalk = null; }\n",
            "optional_import",
        ),
        (
            "try { const yaml = require('yaml').default; } catch {}\n",
            "optional_import",
        ),
        ("try { fs.unlinkSync(path); } catch {}\n", "cleanup"),
        (
            "try { fs.unlinkSync(path); log(path); } catch (e) { if (e.code !== 'ENOENT') throw e; }\n",
            "cleanup",
        ),
        (
            "function load(id) { try { return JSON.parse(store[id]); } catch { return null; } }\nconst doc = load('a');\nif (!doc) console.log('none');\nif (load('b') === null) console.log('none');\n",
            "checked_none",
        ),
    ];
    for (src, idiom) in cases {
        let (handlers, _) = handlers_and_sites(src);
        assert_eq!(handlers[0]["idiom"], idiom, "{src}");
    }
    // one caller that does not test the result, or a removal among other work, is none
    for src in [
        "function load(id) { try { return JSON.parse(store[id]); } catch { return null; } }\nconst doc = load('a');\nif (!doc) console.log('none');\nconsole.log(load('b').title);\n",
        "try { fs.unlinkSync(path); log(path); } catch {}\n",
        "let chalk;\ntry { chalk = require('chalk'); start(); } catch { chalk = null; }\n",
    ] {
        let (handlers, _) = handlers_and_sites(src);
        assert!(handlers[0]["idiom"].is_null(), "{src}");
    }
}
