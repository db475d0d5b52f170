use super::{MAX_LEVELS, survey, too_deep};

fn repeat(open: &str, n: usize, middle: &str, close: &str) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * n + middle.len());
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(middle);
    for _ in 0..n {
        s.push_str(close);
    }
    s
}

fn deep(source: &str) -> bool {
    too_deep(source, MAX_LEVELS).is_some()
}

#[test]
fn nested_arrays_within_the_limit_pass_and_deeper_ones_stop_where_they_go_over() {
    assert!(!deep(&format!(
        "const x = {};\n",
        repeat("[", 1_000, "1", "]")
    )));
    assert!(!deep(&repeat("[", MAX_LEVELS as usize, "", "]")));
    let source = format!("const x = {};\n", repeat("[", 100_000, "1", "]"));
    let offset = too_deep(&source, MAX_LEVELS).expect("too deep");
    // `const x = ` and the first 1 999 brackets fit; the next one goes over
    assert_eq!(offset, "const x = ".len() + 1_999);
}

#[test]
fn every_recursive_construct_is_bounded() {
    let n = 100_000;
    let cases = [
        ("arrays", format!("x = {};", repeat("[", n, "1", "]"))),
        ("objects", format!("x = {};", repeat("{a:", n, "1", "}"))),
        ("parentheses", format!("x = {};", repeat("(", n, "1", ")"))),
        ("calls", format!("x = {};", repeat("f(", n, "1", ")"))),
        ("not", format!("x = {}1;", "!".repeat(n))),
        ("minus", format!("x = {}1;", "- ".repeat(n))),
        ("typeof", format!("x = {}1;", "typeof ".repeat(n))),
        ("new", format!("x = {}A;", "new ".repeat(n))),
        ("await", format!("x = {}1;", "await ".repeat(n))),
        ("sums", format!("x = 1{};", "+1".repeat(n))),
        ("members", format!("x = a{};", ".b".repeat(n))),
        ("call chains", format!("x = f{};", "()".repeat(n))),
        ("assignments", format!("{}1;", "a=".repeat(n))),
        ("ternaries", format!("{}1;", "a?b:".repeat(n))),
        ("arrows", format!("f = {}1;", "x=>".repeat(n))),
        ("blocks", repeat("{", n, "", "}")),
        ("functions", repeat("function f(){", n, "", "}")),
        ("templates", format!("x = {};", repeat("`${", n, "1", "}`"))),
        (
            "generics",
            format!("let x: {}number{};", "A<".repeat(n), ">".repeat(n)),
        ),
        ("ifs on one line", format!("{}x;", "if (a) ".repeat(n))),
        ("ifs on lines", format!("{}x\n", "if (a)\n".repeat(n))),
        (
            "else-ifs with blocks",
            format!("if (a) {{}}{}", "\nelse if (a) {}".repeat(n)),
        ),
        (
            "else-ifs with semicolons",
            format!("if (a) x;{}", "\nelse if (a) x = 1, y = 2;".repeat(n)),
        ),
        (
            "else-ifs on lines",
            format!("if (a)\n x{}", "\nelse if (a)\n x".repeat(n)),
        ),
        ("labels", format!("{}x;", "a:\n".repeat(n))),
        (
            "chained function expressions",
            format!("a = {}1;", "function(){}.b = ".repeat(n)),
        ),
    ];
    for (name, source) in cases {
        assert!(deep(&source), "{name} nested {n} deep passed the bound");
    }
}

#[test]
fn brackets_in_strings_comments_regexes_and_template_text_do_not_count() {
    let many = "[({".repeat(50_000);
    for source in [
        format!("x = \"{many}\";\n"),
        format!("x = '{many}';\n"),
        format!("// {many}\nx = 1;\n"),
        format!("/* {many} */ x = 1;\n"),
        format!("x = /{}/;\n", "[(]".repeat(50_000)),
        format!("x = `{many}`;\n"),
        format!("x = `${{1}}{many}`;\n"),
        format!("#!/usr/bin/env node {many}\nx = 1;\n"),
    ] {
        assert!(!deep(&source), "{}", &source[..40]);
    }
}

#[test]
fn regular_expressions_after_a_control_header_or_a_block_keep_brackets_balanced() {
    // a `(` or `{` inside these, taken for code, would leave a level open for good
    let lines = "if (s) /[({]/.test(s)\n{}\n/[({]/.test(s)\nx = a / 2 / (b) / 3\n".repeat(20_000);
    let source = format!("{lines}const x = {};\n", repeat("[", 1_500, "1", "]"));
    assert!(!deep(&source));
}

#[test]
fn long_programs_of_ordinary_code_pass() {
    let semicolon_free: String = (0..20_000)
        .map(|i| format!("const v{i} = f(x{i}) + g(y)\nif (v{i} > 3) h(v{i})\n"))
        .collect();
    let functions: String = (0..10_000)
        .map(|i| format!("function f{i}(a) {{ return a + {i} }}"))
        .collect();
    let else_ifs = format!(
        "if (x === -1) {{ y = 0 }}{}",
        (0..1_000)
            .map(|i| format!(" else if (x === {i}) {{ y = {i} }}"))
            .collect::<String>()
    );
    let braceless_ifs: String = (0..20_000)
        .map(|i| format!("if (x{i}) y{i} = 1;\n"))
        .collect();
    let concatenation = format!("const s = \"a\"{};\n", " +\n  \"line\"".repeat(10_000));
    let switch = format!(
        "switch (x) {{\n{}}}\n",
        (0..10_000)
            .map(|i| format!("  case {i}:\n    y = {i}\n    break\n"))
            .collect::<String>()
    );
    let class = format!(
        "class A {{\n{}}}\n",
        (0..10_000)
            .map(|i| format!("  m{i}(a: number): number {{ return a * {i} }}\n"))
            .collect::<String>()
    );
    let object = format!(
        "const o = {{\n{}}}\n",
        (0..10_000)
            .map(|i| format!("  k{i}: [{i}, \"v\", {{ n: {i} }}],\n"))
            .collect::<String>()
    );
    let chain = format!("const r = xs{};\n", ".map((x) => x + 1)".repeat(2_000));
    for (name, source) in [
        ("semicolon-free statements", semicolon_free),
        ("functions on one line", functions),
        ("an else-if chain", else_ifs),
        ("braceless ifs", braceless_ifs),
        ("a long concatenation", concatenation),
        ("a switch", switch),
        ("a class", class),
        ("an object", object),
        ("a method chain", chain),
    ] {
        assert_eq!(too_deep(&source, MAX_LEVELS), None, "{name}");
    }
}

#[test]
fn tokens_and_handlers_are_counted() {
    let s = survey(
        "try { f(1) } catch (e) { g() }\np.then(ok).catch(() => 0); // catch\n",
        MAX_LEVELS,
    );
    assert_eq!((s.tokens, s.handlers, s.too_deep), (31, 3, None));
}
