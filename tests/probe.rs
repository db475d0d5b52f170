//! `candor probe`: a run, then a run with the clock and the random source
//! fixed, whose output must be the same; when it is not, a
//! `nondeterministic_output` warning names the first differing line and
//! what the output follows; and calls of the snippet's functions with
//! edge-case inputs (Python, JavaScript, TypeScript), which make latent
//! handlers fire. Runs the real binary and the library.

mod common;

use candor::probe::Probes;
use candor::{Language, Sandbox, Snippet};
use common::{assert_contains, candor_in, finding_kinds, scratch};
use serde_json::Value;

fn probe(name: &str, code: &str, extra: &[&str]) -> (i32, serde_json::Value) {
    let dir = scratch();
    std::fs::write(dir.path().join(name), code).unwrap();
    let mut args = vec!["probe", name, "--format", "json"];
    args.extend_from_slice(extra);
    let run = candor_in(dir.path(), &args, &[]);
    (run.code, run.json())
}

/// The messages of the report's `nondeterministic_output` findings.
fn varying(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "nondeterministic_output")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn output_that_follows_the_random_source_is_a_warning() {
    let (code, report) = probe(
        "draw.py",
        "import random\nprint('header')\nprint(random.randint(1, 10**12))\n",
        &[],
    );
    let found = varying(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_contains(&found[0], "line 2 was `");
    assert!(
        found[0].ends_with("; it varies with the random source"),
        "{}",
        found[0]
    );
    assert_eq!(report["findings"][0]["severity"], "warning");
    assert_eq!(code, 1);
}

#[test]
fn output_that_follows_the_clock_is_a_warning() {
    let (_, report) = probe(
        "stamp.py",
        "import time\nprint('year', time.strftime('%Y', time.gmtime()))\n",
        &[],
    );
    let found = varying(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    // the fixed clock starts at 2024-01-01
    assert_contains(
        &found[0],
        "in a run with the clock and the random source fixed",
    );
    assert_contains(&found[0], "`year 2024`");
    assert!(
        found[0].ends_with("; it varies with the clock"),
        "{}",
        found[0]
    );
}

#[test]
fn javascript_randomness_is_found_the_same_way() {
    let (_, report) = probe(
        "draw.js",
        "console.log(Math.floor(Math.random() * 1e12));\n",
        &[],
    );
    let found = varying(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    // QuickJS seeds Math.random from the clock, and the message says so
    assert!(
        found[0].ends_with(
            "it varies with the clock (a clock reading, or `Math.random`, which this runtime \
             seeds from the clock)"
        ),
        "{}",
        found[0]
    );
}

#[test]
fn output_that_repeats_is_quiet() {
    for (name, code) in [
        (
            "sum.py",
            "import random\nrandom.seed(7)\nprint(sorted({3, 1, 2}), random.random())\n",
        ),
        ("sum.js", "console.log([3, 1, 2].sort().join(','));\n"),
    ] {
        let (code, report) = probe(name, code, &[]);
        assert!(varying(&report).is_empty(), "{name}: {report:#}");
        assert_eq!(code, 0, "{name}: {report:#}");
    }
}

#[test]
fn probe_refuses_deterministic_runs() {
    let dir = scratch();
    std::fs::write(dir.path().join("x.py"), "print(1)\n").unwrap();
    let run = candor_in(dir.path(), &["probe", "x.py", "--deterministic"], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, "--deterministic");
}

#[test]
fn a_pooled_sandbox_fixes_the_sources_of_the_runs_that_ask_for_it() {
    // a pooled sandbox keeps an instance ready, made with free sources: the
    // runs that fix them must not take it
    let sandbox = Sandbox::builder().concurrent_runs(4).build().unwrap();
    let snippet = Snippet::new(
        Language::Python,
        "stamp.py",
        "import time\nprint(time.strftime('%Y', time.gmtime()))\n",
    );
    let probes = Probes::default().determinism(true);
    for _ in 0..3 {
        let report = candor::probe::run_blocking(&sandbox, &snippet, &probes).unwrap();
        let found: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.kind == candor::FindingKind::NondeterministicOutput)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(found.len(), 1, "{report:#?}");
        assert!(
            found[0].ends_with("it varies with the clock"),
            "{}",
            found[0]
        );
    }
}

#[test]
fn check_probe_checks_every_file() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("draw.py"),
        "import random\nprint(random.random())\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("fixed.py"), "print(6 * 7)\n").unwrap();
    let run = candor_in(
        dir.path(),
        &["check", ".", "--probe", "--format", "json"],
        &[],
    );
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let json = run.json();
    let kinds = |file: &str| -> Vec<String> {
        let report = json["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(file))
            .unwrap_or_else(|| panic!("no report of {file}: {json:#}"));
        finding_kinds(report)
    };
    assert_eq!(kinds("draw.py"), ["nondeterministic_output"]);
    assert!(kinds("fixed.py").is_empty());
    // the same check without --probe: nothing is compared
    let plain = candor_in(dir.path(), &["check", ".", "--format", "json"], &[]);
    assert_eq!(plain.code, 0, "{}", plain.stdout);
}

/// A snippet whose own run never fires its handler: only bad input does.
const LATENT: &str = "def parse_price(text):\n    try:\n        return float(text)\n    except ValueError:\n        return 0.0\n\n\ndef average(values):\n    if not values:\n        raise ValueError('no values')\n    return sum(values) / len(values)\n\n\ndef strict_price(text):\n    try:\n        return float(text)\n    except ValueError:\n        raise ValueError(f'not a price: {text!r}') from None\n\n\nprint(parse_price('2.5'), average([1, 2, 3]), strict_price('1'))\n";

#[test]
fn probe_calls_make_a_latent_handler_fire_and_name_the_input() {
    // the plain run sees the handler only as latent
    let dir = scratch();
    std::fs::write(dir.path().join("prices.py"), LATENT).unwrap();
    let run = candor_in(dir.path(), &["run", "prices.py", "--format", "json"], &[]);
    assert_eq!(finding_kinds(&run.json()), ["latent_swallow"]);

    let (code, report) = probe("prices.py", LATENT, &[]);
    assert_eq!(code, 1, "{report:#}");
    let summary = with_inputs(&report);
    // the first input that made it fire, and no latent finding any more
    assert_eq!(
        summary,
        [
            (
                "swallowed_exception".to_string(),
                4,
                "parse_price('')".to_string()
            ),
            (
                "fabricated_value".to_string(),
                5,
                "parse_price('')".to_string()
            ),
        ],
        "{report:#}"
    );
    // a function that raises on bad input is not a finding: it is listed
    let probes = &report["probes"];
    assert!(probes["calls"].as_u64().unwrap() > 30, "{probes:#}");
    let raised: Vec<(String, String)> = probes["raised"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["call"].as_str().unwrap().to_string(),
                r["exception"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(raised.contains(&("average([])".to_string(), "ValueError".to_string())));
    assert!(raised.contains(&("strict_price('')".to_string(), "ValueError".to_string())));
    // the text report shows the input under each finding
    let text = candor_in(dir.path(), &["probe", "prices.py"], &[]);
    assert_contains(&text.stdout, "  = with: parse_price('')\n");
    assert_contains(&text.stdout, "probed: ");
}

#[test]
fn probe_calls_of_correct_functions_stay_quiet() {
    let code = "import json\n\n\ndef load(text):\n    return json.loads(text)\n\n\ndef ratio(a, b):\n    if b == 0:\n        raise ZeroDivisionError('b is zero')\n    return a / b\n\n\ndef first(items):\n    try:\n        return items[0]\n    except IndexError:\n        raise ValueError('empty') from None\n\n\nprint(load('[1]'), ratio(1, 2), first([3]))\n";
    let (code, report) = probe("fine.py", code, &[]);
    assert!(finding_kinds(&report).is_empty(), "{report:#}");
    assert_eq!(code, 0, "{report:#}");
    assert!(!report["probes"]["raised"].as_array().unwrap().is_empty());
}

#[test]
fn probe_calls_vary_the_rows_the_snippet_passed() {
    // the driver passes a module-level list of rows: the calls pass a copy of
    // it with a key missing from its first row, before any ladder input
    let code = "def total(items):\n    out = 0.0\n    for item in items:\n        try:\n            out += item['price'] * item['qty']\n        except KeyError:\n            continue\n    return out\n\n\nitems = [{'price': 2.5, 'qty': 2}, {'price': 1.0, 'qty': 3}]\nprint(total(items))\nprint(len(items[0]))\n";
    let (_, report) = probe("rows.py", code, &[]);
    let inputs: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["input"].as_str())
        .collect();
    assert_eq!(inputs, ["total(items[0] without 'price')"], "{report:#}");
    // each call had its own copy: the snippet's own list is whole
    assert_eq!(report["stdout"], "8.0\n2\n", "{report:#}");
}

#[test]
fn a_call_does_not_see_what_an_earlier_call_changed_in_the_module() {
    // the handler fires only once the module's list holds three items (in
    // JavaScript also once a top-level `let` counts three calls, or a Map
    // counts three loads): with the calls sharing the module's state it would fire
    // on the second call, and be blamed on whatever input that call had
    let python = "seen = []\n\n\ndef remember(item):\n    seen.append(item)\n    try:\n        return 10 / (3 - len(seen))\n    except ZeroDivisionError:\n        return 0.0\n\n\nprint(remember('a'))\n";
    let javascript = "const seen = [];\nlet calls = 0;\nconst cache = new Map();\n\nfunction remember(item) {\n  seen.push(item);\n  calls++;\n  try {\n    if (seen.length >= 3 || calls >= 3) throw new Error('full');\n    return 10;\n  } catch (e) {\n    return 0;\n  }\n}\n\nfunction load(key) {\n  const n = (cache.get('n') || 0) + 1;\n  cache.set('n', n);\n  try {\n    return n >= 3 ? JSON.parse(key) : 1;\n  } catch (e) {\n    return {};\n  }\n}\n\nconsole.log(remember('a'), load('a'));\n";
    // Python: an object of the snippet's class, a Counter, a class attribute
    let objects = "import collections\n\n\nclass Budget:\n    def __init__(self):\n        self.spent = 0\n\n\nclass Registry:\n    seen = []\n\n\nbudget = Budget()\ncounts = collections.Counter()\n\n\ndef spend(amount):\n    budget.spent += 1\n    try:\n        if budget.spent >= 3:\n            raise RuntimeError('over budget')\n        return 10\n    except RuntimeError:\n        return 0\n\n\ndef tally(word):\n    counts['calls'] += 1\n    try:\n        if counts['calls'] >= 3:\n            raise RuntimeError('too many')\n        return 10\n    except RuntimeError:\n        return 0\n\n\ndef register(item):\n    Registry.seen.append(item)\n    try:\n        if len(Registry.seen) >= 3:\n            raise RuntimeError('full')\n        return 10\n    except RuntimeError:\n        return 0\n\n\nprint(spend(1), tally('a'), register('a'))\n";
    for (name, code, stdout) in [
        ("state.py", python, "5.0\n"),
        ("objects.py", objects, "10 10 10\n"),
        ("state.js", javascript, "10 1\n"),
        ("state.ts", javascript, "10 1\n"),
    ] {
        let (_, report) = probe(name, code, &[]);
        assert!(
            report["probes"]["calls"].as_u64().unwrap() > 10,
            "{name}: {report:#}"
        );
        let fired: Vec<&Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["input"].is_string())
            .collect();
        assert!(fired.is_empty(), "{name}: {report:#}");
        assert_eq!(report["stdout"], stdout, "{name}: {report:#}");
        assert!(
            report["probes"].get("shared_state").is_none(),
            "{name}: {report:#}"
        );
    }
}

#[test]
fn javascript_calls_that_grow_the_memory_stop_before_its_limit_and_say_so() {
    // each call allocates ~25 MiB, which the next call cannot reuse (its
    // memory is put back, the allocator's records with it; the snippet's own
    // run never made such an array, whose memory the calls would reuse): the
    // calls stop while there is still room for one more, and no call runs out
    // of memory (which the handler would catch, and report as a swallow)
    let code = "function big(n) {\n  try {\n    return new Array(1500000).fill(n).length;\n  } catch (e) {\n    return 0;\n  }\n}\n\nconsole.log(typeof big);\n";
    let (code_, report) = probe("grow.js", code, &["--memory", "200M"]);
    assert_eq!(code_, 0, "{report:#}");
    let probes = &report["probes"];
    let calls = probes["calls"].as_u64().unwrap();
    let not_made = probes["not_made"].as_u64().unwrap();
    assert!(calls >= 2 && not_made > 0, "{report:#}");
    assert_eq!(probes["stopped_by"], "memory", "{report:#}");
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["input"].is_null()),
        "{report:#}"
    );
    let dir = scratch();
    std::fs::write(dir.path().join("grow.js"), code).unwrap();
    let text = candor_in(dir.path(), &["probe", "grow.js", "--memory", "200M"], &[]);
    assert_contains(
        &text.stdout,
        &format!("{not_made} more calls not made: the calls grew the memory near its limit"),
    );
}

#[test]
fn javascript_calls_share_a_memory_too_large_to_keep_and_say_so() {
    // a run that leaves more than 64 MiB of memory: it is not kept, and the
    // calls see what earlier calls changed, which the report says
    let code = "const keep = new Array(5000000).fill(1.5);\nlet count = 0;\n\nfunction bump(n) {\n  count++;\n  return count + keep.length;\n}\n\nconsole.log(bump(1) > 0);\n";
    let (_, report) = probe("large.js", code, &[]);
    assert!(
        report["probes"]["calls"].as_u64().unwrap() > 1,
        "{report:#}"
    );
    assert_eq!(report["probes"]["shared_state"], true, "{report:#}");
    let dir = scratch();
    std::fs::write(dir.path().join("large.js"), code).unwrap();
    let text = candor_in(dir.path(), &["probe", "large.js"], &[]);
    assert_contains(&text.stdout, "the calls shared some of the snippet's state");
}

#[test]
fn a_call_that_never_ends_is_named_with_the_calls_it_left_unmade() {
    // an empty text makes the loop spin for ever: the calls' run runs out of
    // fuel in that call, and the report names it instead of reporting the
    // calls made as all there were
    let python = "def parse_count(text):\n    n = 0\n    while text != 'ok' and len(text) < 5:\n        if text == '':\n            continue\n        n += 1\n        text = text + 'x'\n    return n\n\n\nprint(parse_count('ab'))\n";
    let javascript = "function parseCount(text) {\n  let n = 0;\n  while (text !== 'ok' && String(text).length < 5) {\n    if (text === '') continue;\n    n += 1;\n    text = text + 'x';\n  }\n  return n;\n}\n\nconsole.log(parseCount('ab'));\n";
    for (name, code, call) in [
        ("count.py", python, "parse_count('')"),
        ("count.js", javascript, "parseCount('')"),
    ] {
        let (exit, report) = probe(name, code, &["--fuel", "200000000"]);
        // the snippet's own run completed
        assert_eq!(exit, 0, "{name}: {report:#}");
        assert_eq!(report["outcome"], "completed", "{name}: {report:#}");
        let probes = &report["probes"];
        assert_eq!(probes["unfinished"]["call"], call, "{name}: {report:#}");
        assert_contains(probes["unfinished"]["reason"].as_str().unwrap(), "fuel");
        assert_eq!(probes["stopped_by"], "run_ended", "{name}: {report:#}");
        let listed = probes["calls"].as_u64().unwrap() + probes["not_made"].as_u64().unwrap();
        assert!(listed >= 18, "{name}: {report:#}");
        let dir = scratch();
        std::fs::write(dir.path().join(name), code).unwrap();
        let text = candor_in(dir.path(), &["probe", name, "--fuel", "200000000"], &[]);
        assert_contains(
            &text.stdout,
            &format!("the probe calls' run ended in {call}: fuel"),
        );
        assert_contains(
            &text.stdout,
            "more calls not made: the calls' run ended first",
        );
    }
}

#[test]
fn check_probe_formats_name_the_call_that_fired_and_the_call_a_run_ended_in() {
    // each format that gives a finding one line of text gives its input too,
    // and says in which call a calls' run ended
    let dir = scratch();
    std::fs::write(
        dir.path().join("price.js"),
        "function parsePrice(text) {\n  try {\n    if (text === '') throw new Error('empty');\n    return Number(text);\n  } catch (e) {\n    return 0;\n  }\n}\n\nconsole.log(parsePrice('3'));\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("spin.py"),
        "def spin(text):\n    while text == '':\n        pass\n    return text\n\n\nprint(spin('a'))\n",
    )
    .unwrap();
    let args = |format: &'static str| {
        [
            "check",
            ".",
            "--probe",
            "--fuel",
            "200000000",
            "--format",
            format,
        ]
    };
    let sarif = candor_in(dir.path(), &args("sarif"), &[]).json();
    let messages: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"]["text"].as_str().unwrap())
        .collect();
    assert!(!messages.is_empty(), "{sarif:#}");
    for message in &messages {
        assert!(message.ends_with("; with: parsePrice('')"), "{sarif:#}");
    }
    let notes: Vec<&str> = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"]["text"].as_str().unwrap())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("spin.py: the probe calls' run ended in spin(''): fuel")),
        "{sarif:#}"
    );
    let junit = candor_in(dir.path(), &args("junit"), &[]);
    assert_contains(
        &junit.stdout,
        "dropped; with: parsePrice(&apos;&apos;)\" type=",
    );
    let github = candor_in(dir.path(), &args("github"), &[]);
    assert_contains(&github.stdout, "; with: parsePrice('')");
    assert_contains(
        &github.stdout,
        "::notice file=spin.py,line=1,title=candor probe::the probe calls' run ended in spin(''): fuel",
    );
}

#[test]
fn a_python_async_function_is_run_to_its_end_and_its_handler_named() {
    // a coroutine function's handler fires only once the coroutine runs: the
    // call runs it in an event loop of its own
    let code = "import asyncio\nimport json\n\n\nasync def fetch_config(text):\n    await asyncio.sleep(0)\n    try:\n        return json.loads(text)\n    except json.JSONDecodeError:\n        return {}\n\n\nasync def main():\n    print(await fetch_config('{\"a\": 1}'))\n\n\nasyncio.run(main())\n";
    let (_, report) = probe("config.py", code, &[]);
    assert_eq!(report["stdout"], "{'a': 1}\n", "{report:#}");
    let fired = with_inputs(&report);
    assert!(
        fired
            .iter()
            .any(|(kind, line, input)| kind == "fabricated_value"
                && *line == 10
                && input.starts_with("fetch_config(")),
        "{report:#}"
    );
}

#[test]
fn javascript_probe_calls_vary_the_records_the_snippet_passed() {
    // a record the driver passed is varied key by key, one level down too
    // (an order's first line without its price), before the ladder, the
    // outer keys first (a user without its contact); a CSV text with a short
    // row is on the ladder
    let code = "function lineTotal(order) {\n  let total = 0;\n  for (const line of order.lines) {\n    try {\n      if (line.price === undefined) throw new Error('no price');\n      total += line.price * line.qty;\n    } catch (e) {\n      total += 0;\n    }\n  }\n  return total;\n}\n\nfunction emailOf(user) {\n  try {\n    return user.contact.email.toLowerCase();\n  } catch (e) {\n    return '';\n  }\n}\n\nfunction parseRows(text) {\n  return text.split('\\n').slice(1).map((row) => {\n    const [name, amount] = row.split(',');\n    try {\n      if (amount === undefined) throw new Error('short row');\n      return { name, amount: Number(amount) };\n    } catch (e) {\n      return { name: '?', amount: 0 };\n    }\n  });\n}\n\nconst order = { id: 'A-1', lines: [{ sku: 'bolt', price: 2, qty: 3 }] };\nconst user = { name: 'Ann', contact: { email: 'ANN@EXAMPLE.COM' } };\nconsole.log(lineTotal(order), emailOf(user), parseRows('name,amount\\nbolt,3').length);\n";
    let (_, report) = probe("records.js", code, &[]);
    assert_eq!(report["stdout"], "6 ann@example.com 1\n", "{report:#}");
    let inputs: Vec<(u64, String)> = with_inputs(&report)
        .into_iter()
        .filter(|(kind, _, _)| kind == "fabricated_value")
        .map(|(_, line, input)| (line, input))
        .collect();
    assert_eq!(
        inputs,
        [
            (
                8,
                "lineTotal(order['lines'][0] without 'price')".to_string()
            ),
            (18, "emailOf(user without 'contact')".to_string()),
            (29, "parseRows('a,b\\n1')".to_string()),
        ],
        "{report:#}"
    );
}

#[test]
fn a_reference_is_called_with_the_same_inputs_and_each_function_that_differs_is_named() {
    let dir = scratch();
    // the wrong_output findings of `candor probe FILE --reference REF`
    let compared = |file: &str, reference: &str| -> (Value, Vec<Value>) {
        let out = candor_in(
            dir.path(),
            &["probe", file, "--reference", reference, "--format", "json"],
            &[],
        );
        let report = out.json();
        let wrong = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "wrong_output")
            .cloned()
            .collect();
        (report, wrong)
    };
    let snippet = "import math\n\n\ndef parse_price(text):\n    try:\n        return float(text.strip('$'))\n    except ValueError:\n        return 0.0\n\n\ndef root(x):\n    return math.sqrt(abs(x))\n\n\nprint(parse_price('$3.50'), root(4))\n";
    let reference = "import math\n\n\ndef parse_price(text):\n    return float(text.strip('$'))\n\n\ndef root(x):\n    return math.sqrt(abs(x))\n\n\nprint(parse_price('$3.50'), root(4))\n";
    std::fs::write(dir.path().join("prices.py"), snippet).unwrap();
    std::fs::write(dir.path().join("ref.py"), reference).unwrap();
    let (report, wrong) = compared("prices.py", "ref.py");
    // the same driver output: only parse_price's calls differ, root's do not
    assert_eq!(wrong.len(), 1, "{report:#}");
    assert_eq!(wrong[0]["line"], 4, "{report:#}");
    assert_eq!(wrong[0]["input"], "parse_price('')", "{report:#}");
    assert_contains(
        wrong[0]["message"].as_str().unwrap(),
        "with `parse_price('')` the function returned 0.0 where the reference ref.py raised ValueError",
    );
    // the same in JavaScript: what the calls returned is compared too
    let snippet = "function parsePrice(text) {\n  try {\n    const v = Number.parseFloat(text.replace('$', ''));\n    if (Number.isNaN(v)) throw new Error('not a price');\n    return v;\n  } catch {\n    return 0;\n  }\n}\nconsole.log(parsePrice('$3.50'));\n";
    let reference = "function parsePrice(text) {\n  const v = Number.parseFloat(text.replace('$', ''));\n  if (Number.isNaN(v)) throw new Error('not a price');\n  return v;\n}\nconsole.log(parsePrice('$3.50'));\n";
    std::fs::write(dir.path().join("prices.js"), snippet).unwrap();
    std::fs::write(dir.path().join("ref.js"), reference).unwrap();
    let (report, wrong) = compared("prices.js", "ref.js");
    assert_eq!(wrong.len(), 1, "{report:#}");
    assert_eq!(wrong[0]["line"], 1, "{report:#}");
    assert_contains(
        wrong[0]["message"].as_str().unwrap(),
        "the function returned 0 where the reference ref.js raised Error",
    );
    // the reference against itself: nothing differs, even where a function
    // draws random numbers (both calls runs draw the same)
    let (report, wrong) = compared("ref.py", "ref.py");
    assert!(wrong.is_empty(), "{report:#}");
    let noise = "import random\n\n\ndef noise(x):\n    return x * random.random()\n\n\nprint(noise(2) < 2)\n";
    std::fs::write(dir.path().join("noise.py"), noise).unwrap();
    let (report, wrong) = compared("noise.py", "noise.py");
    assert!(
        report["probes"]["calls"].as_u64().unwrap() > 10,
        "{report:#}"
    );
    assert!(wrong.is_empty(), "{report:#}");
}

#[test]
fn a_probe_budget_stops_the_calls_and_says_how_many_were_not_made() {
    let code = "import time\n\n\ndef slow(text):\n    t = time.monotonic()\n    while time.monotonic() - t < 0.02:\n        pass\n    return text\n\n\nprint(slow('a'))\n";
    let (_, report) = probe("slow.py", code, &["--probe-budget", "50ms"]);
    let probes = &report["probes"];
    let (calls, not_made) = (
        probes["calls"].as_u64().unwrap(),
        probes["not_made"].as_u64().unwrap(),
    );
    assert!((1..10).contains(&calls), "{probes:#}");
    assert!(not_made > 0, "{probes:#}");
    let dir = scratch();
    std::fs::write(dir.path().join("slow.py"), code).unwrap();
    let text = candor_in(
        dir.path(),
        &["probe", "slow.py", "--probe-budget", "50ms"],
        &[],
    );
    assert_contains(&text.stdout, "calls not made: the probe budget ran out");
    // a budget is for probe only
    let run = candor_in(dir.path(), &["run", "slow.py", "--probe-budget", "1s"], &[]);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "--probe-budget");
    // the same in JavaScript
    let code = "function slow(text) {\n  const t = Date.now();\n  while (Date.now() - t < 20) {}\n  return text;\n}\nconsole.log(slow('a'));\n";
    let (_, report) = probe("slow.js", code, &["--probe-budget", "50ms"]);
    let probes = &report["probes"];
    assert!(probes["calls"].as_u64().unwrap() < 10, "{probes:#}");
    assert!(probes["not_made"].as_u64().unwrap() > 0, "{probes:#}");
}

/// The JavaScript twin of [`LATENT`]: a handler that only bad input fires,
/// a function that throws on bad input, and an async one that rejects.
const LATENT_JS: &str = "function parsePrice(text) {
  try {
    const value = Number.parseFloat(text);
    if (Number.isNaN(value)) throw new Error(`not a price: ${text}`);
    return value;
  } catch {
    return 0;
  }
}

function average(values) {
  if (values.length === 0) throw new RangeError('no values');
  return values.reduce((a, b) => a + b, 0) / values.length;
}

async function strictPrice(text) {
  await null;
  const value = Number(text);
  if (Number.isNaN(value)) throw new TypeError(`not a price: ${text}`);
  return value;
}

console.log(parsePrice('2.5'), average([1, 2, 3]));
strictPrice('1').then((price) => console.log(price));
";

/// The `(call, exception)` pairs of a report's `probes.raised`.
fn raised_by(report: &serde_json::Value) -> Vec<(String, String)> {
    report["probes"]["raised"]
        .as_array()
        .unwrap_or_else(|| panic!("no probes: {report:#}"))
        .iter()
        .map(|r| {
            (
                r["call"].as_str().unwrap().to_string(),
                r["exception"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `(kind, line, input)` of each finding of a report.
fn with_inputs(report: &serde_json::Value) -> Vec<(String, u64, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["input"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn javascript_probe_calls_make_a_latent_handler_fire_and_name_the_input() {
    let dir = scratch();
    std::fs::write(dir.path().join("prices.js"), LATENT_JS).unwrap();
    let run = candor_in(dir.path(), &["run", "prices.js", "--format", "json"], &[]);
    assert_eq!(finding_kinds(&run.json()), ["latent_swallow"]);

    let (code, report) = probe("prices.js", LATENT_JS, &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        with_inputs(&report),
        [
            (
                "swallowed_exception".to_string(),
                6,
                "parsePrice('')".to_string()
            ),
            (
                "fabricated_value".to_string(),
                7,
                "parsePrice('')".to_string()
            ),
        ],
        "{report:#}"
    );
    // the snippet's own output, not the calls'
    assert_eq!(report["stdout"], "2.5 2\n1\n", "{report:#}");
    // one parameter each, 19 inputs
    assert_eq!(report["probes"]["calls"], 57, "{report:#}");
    let raised = raised_by(&report);
    assert!(raised.contains(&("average([])".to_string(), "RangeError".to_string())));
    assert!(raised.contains(&("average(null)".to_string(), "TypeError".to_string())));
    // an async function's rejection is its call's
    assert!(
        raised.contains(&("strictPrice('x')".to_string(), "TypeError".to_string())),
        "{raised:?}"
    );
    assert!(
        !raised
            .iter()
            .any(|(call, _)| call.starts_with("parsePrice"))
    );
    let text = candor_in(dir.path(), &["probe", "prices.js"], &[]);
    assert_contains(&text.stdout, "  = with: parsePrice('')\n");
    assert_contains(&text.stdout, "probed: 57 calls");
}

#[test]
fn typescript_probe_calls_use_the_snippets_own_arguments() {
    let code = "function share(total: number, people: number = 1): number {
  try {
    if (people === 0) throw new RangeError('nobody to share with');
    return total / people;
  } catch {
    return -1;
  }
}

const scale = (values: number[], by?: number) => values.map((v) => v * (by ?? 1));

console.log(share(90, 4), scale([1, 2]));
";
    let (code, report) = probe("bill.ts", code, &[]);
    assert_eq!(code, 1, "{report:#}");
    let inputs: Vec<String> = with_inputs(&report).into_iter().map(|f| f.2).collect();
    assert_eq!(inputs, ["share(90, 0)", "share(90, 0)"], "{report:#}");
    // both of share's arguments, each through the 19 inputs; scale's one
    assert_eq!(report["probes"]["calls"], 57, "{report:#}");
    let raised = raised_by(&report);
    assert!(raised.contains(&("scale(null)".to_string(), "TypeError".to_string())));
}

#[test]
fn javascript_probe_calls_survive_a_record_whose_keys_cannot_be_read() {
    // the driver passes a proxy whose key list throws: it is not varied key
    // by key, and the ladder's calls are still made
    let code = "const record = new Proxy({ a: 1 }, { ownKeys() { throw new Error('no keys'); } });\n\nfunction read(r) {\n  try {\n    return r.a.toFixed(1);\n  } catch (e) {\n    return '';\n  }\n}\n\nconsole.log(read(record));\n";
    let (_, report) = probe("proxy.js", code, &[]);
    assert_eq!(report["stdout"], "1.0\n", "{report:#}");
    assert_eq!(report["probes"]["calls"], 19, "{report:#}");
    let inputs: Vec<String> = with_inputs(&report).into_iter().map(|f| f.2).collect();
    assert_eq!(inputs, ["read('')", "read('')"], "{report:#}");
}

#[test]
fn javascript_probe_calls_survive_a_snippet_that_replaced_builtins() {
    // the harness keeps its own builtins: the calls are made and counted
    let code = "function load(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return {};
  }
}
console.log(load('[1]'));
JSON.stringify = () => { throw new Error('no stringify'); };
Array.prototype.push = function () { throw new Error('no push'); };
Array.prototype.join = () => 'joined';
Function.prototype.apply = () => 'applied';
Promise.prototype.then = function () { throw new Error('no then'); };
Object.getPrototypeOf = () => null;
String.prototype.toWellFormed = () => 'mangled';
";
    let (_, report) = probe("hostile.js", code, &[]);
    assert_eq!(report["probes"]["calls"], 19, "{report:#}");
    let inputs: Vec<String> = with_inputs(&report).into_iter().map(|f| f.2).collect();
    assert_eq!(inputs, ["load('')", "load('')"], "{report:#}");
}

#[test]
fn javascript_probe_calls_are_made_only_after_a_run_that_completed() {
    let code = "function parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch {\n    return null;\n  }\n}\nthrow new Error('broken');\n";
    let (code, report) = probe("broken.js", code, &[]);
    assert_eq!(code, 3, "{report:#}");
    assert!(report["probes"].is_null(), "{report:#}");
    // a snippet without functions: nothing to call
    let (code, report) = probe("plain.js", "console.log(1 + 1);\n", &[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(report["probes"].is_null(), "{report:#}");
}

/// `tests/corpus/probe/`: functions whose handlers only bad input fires
/// (`fire_*`), each with the findings a probe must produce and the first call
/// that fires them, and correct functions that must stay quiet (`ok_*`).
#[test]
fn the_probe_corpus_fires_what_it_must_and_nothing_else() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/probe");
    let mut cases: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| ["py", "js", "mjs", "ts"].iter().any(|e| x == *e))
        })
        .collect();
    cases.sort();
    // each case has an `.expected` file of its own
    let mut stems: Vec<_> = cases.iter().map(|c| c.with_extension("")).collect();
    stems.dedup();
    assert_eq!(
        stems.len(),
        cases.len(),
        "two cases share a name: {cases:?}"
    );
    let (mut firing, mut quiet) = (0, 0);
    let mut wrong = Vec::new();
    for case in &cases {
        let expected_path = case.with_extension("expected");
        let expected: Vec<String> = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()))
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        let name = case.file_name().unwrap().to_str().unwrap();
        let (_, report) = probe(name, &std::fs::read_to_string(case).unwrap(), &[]);
        let got: Vec<String> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "swallowed_exception" || f["kind"] == "fabricated_value")
            .map(|f| {
                format!(
                    "{} {} {}",
                    f["kind"].as_str().unwrap(),
                    f["line"],
                    f["input"].as_str().unwrap_or("(no input)")
                )
            })
            .collect();
        assert!(
            report["probes"]["calls"].as_u64().unwrap_or(0) > 0,
            "{name}: no probe calls: {report:#}"
        );
        if got != expected {
            wrong.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
        if expected.is_empty() {
            quiet += 1;
        } else {
            firing += 1;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        firing >= 10 && quiet >= 6,
        "{firing} firing, {quiet} quiet cases"
    );
}
