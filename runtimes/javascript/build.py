#!/usr/bin/env python3
"""Builds candor's JavaScript runtime: QuickJS-ng + runner.c as a wasm32-wasi
(preview 1) command module, compiled by `zig cc` from the PyPI package ziglang.

    python3 build.py --quickjs-src DIR --venv DIR --out FILE.wasm

--quickjs-src  the QuickJS-ng C sources (the `quickjs` folder of the rquickjs-sys
               crate, which cargo downloads; see build/javascript.rs)
--venv         a virtual environment for ziglang; created, and ziglang installed
               into it with pip, when it does not hold the pinned version yet
--out          where to write the module

bootstrap.js (the harness proper) and each lib/*.js (the globals built on
first use, such as URL or TextEncoder) are compiled to QuickJS bytecode by
jsc.c, built for this machine from the same QuickJS sources, and embedded into
the runner, the libs in a table it looks them up in by name: loading bytecode
costs a fraction of parsing the source, and the bootstrap is loaded on every
run. The QuickJS sources compile in parallel, one process each.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ZIGLANG = "ziglang==0.17.1"
HERE = Path(__file__).resolve().parent
QUICKJS_UNITS = ("quickjs", "libregexp", "libunicode", "dtoa")
TARGET = "wasm32-wasi"
CFLAGS = [
    "-target", TARGET,
    "-O2",
    "-D_GNU_SOURCE",
    "-D_WASI_EMULATED_PROCESS_CLOCKS",
    "-D_WASI_EMULATED_SIGNAL",
]
LDFLAGS = [
    "-s",
    "-lwasi-emulated-process-clocks",
    "-lwasi-emulated-signal",
    "-Wl,-z,stack-size=2097152",
]


def fail(message):
    print(f"candor js build: {message}", file=sys.stderr)
    sys.exit(1)


def venv_python(venv_dir):
    return venv_dir / ("Scripts" if os.name == "nt" else "bin") / "python"


def ensure_zig(venv_dir):
    """The venv's python, with the pinned ziglang installed."""
    python = venv_python(venv_dir)
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=False).create(venv_dir)
    wanted = ZIGLANG.split("==")[1]
    have = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('ziglang'))"],
        capture_output=True, text=True,
    )
    if have.returncode != 0 or have.stdout.strip() != wanted:
        run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", ZIGLANG],
            f"installing {ZIGLANG} with pip")
    return python


def run(cmd, what, env=None):
    try:
        subprocess.run(cmd, check=True, env=env)
    except (OSError, subprocess.CalledProcessError) as e:
        fail(f"{what}: {e}")


# QuickJS-ng switches its recursion limit off on WASI (its stack-pointer check
# would work: the C stack is in linear memory). Without it, deep recursion ends
# the run with a wasm trap instead of a catchable RangeError, so the build
# compiles a copy of quickjs.c with the check left on.
STACK_LIMIT_OFF = """static void update_stack_limit(JSRuntime *rt)
{
#if defined(__wasi__)"""
STACK_LIMIT_ON = """static void update_stack_limit(JSRuntime *rt)
{
#if 0 /* candor: keep the recursion limit on WASI */"""


# The snippet QuickJS runs is the host's rewrite of the user's source; every
# position it reports (a frame of `error.stack`, a call site, a syntax error)
# is mapped back to the user's source by runner.c's hooks before anyone sees it.
LINE_LOOKUP = """static int find_line_num(JSContext *ctx, JSFunctionBytecode *b,
                         uint32_t pc_value, int *col)
{"""
LINE_LOOKUP_MAPPED = """void candor_map_position(JSContext *ctx, JSAtom file, int *line, int *col);
void candor_map_parse_position(const char *file, int *line, int *col);
static int find_line_num_unmapped(JSContext *ctx, JSFunctionBytecode *b,
                                  uint32_t pc_value, int *col);
/* candor: positions in the snippet are the user's, not the rewritten program's */
static int find_line_num(JSContext *ctx, JSFunctionBytecode *b,
                         uint32_t pc_value, int *col)
{
    int line = find_line_num_unmapped(ctx, b, pc_value, col);
    candor_map_position(ctx, b->filename, &line, col);
    return line;
}

static int find_line_num_unmapped(JSContext *ctx, JSFunctionBytecode *b,
                                  uint32_t pc_value, int *col)
{"""
PARSE_ERROR_AT = """    build_backtrace(ctx, ctx->rt->current_exception, JS_UNDEFINED, s->filename,
                    s->token.line_num, err_col_num, backtrace_flags);"""
PARSE_ERROR_AT_MAPPED = """    int err_line_num = s->token.line_num;
    candor_map_parse_position(s->filename, &err_line_num, &err_col_num);
    build_backtrace(ctx, ctx->rt->current_exception, JS_UNDEFINED, s->filename,
                    err_line_num, err_col_num, backtrace_flags);"""

REGEXP_ERROR_AT = """                build_backtrace(s->ctx, s->ctx->rt->current_exception, JS_UNDEFINED,
                                s->filename,
                                s->token.line_num,
                                s->token.col_num,
                                backtrace_flags);"""
REGEXP_ERROR_AT_MAPPED = """                int err_line_num = s->token.line_num, err_col_num = s->token.col_num;
                candor_map_parse_position(s->filename, &err_line_num, &err_col_num);
                build_backtrace(s->ctx, s->ctx->rt->current_exception, JS_UNDEFINED,
                                s->filename, err_line_num, err_col_num,
                                backtrace_flags);"""

PATCHES = (
    ("update_stack_limit", STACK_LIMIT_OFF, STACK_LIMIT_ON),
    ("find_line_num", LINE_LOOKUP, LINE_LOOKUP_MAPPED),
    ("js_parse_error", PARSE_ERROR_AT, PARSE_ERROR_AT_MAPPED),
    ("the regular expression error", REGEXP_ERROR_AT, REGEXP_ERROR_AT_MAPPED),
)


def patched_quickjs(src, work):
    text = (src / "quickjs.c").read_text(encoding="utf-8")
    for name, old, new in PATCHES:
        if text.count(old) != 1:
            fail(f"quickjs.c no longer has the expected {name}; review build.py's patch")
        text = text.replace(old, new)
    patched = work / "quickjs.c"
    patched.write_text(text, encoding="utf-8")
    return patched


def c_bytes(name, data):
    """`data` (bytes) as a C array called `name`."""
    rows = []
    for i in range(0, len(data), 16):
        rows.append("  " + ", ".join(str(b) for b in data[i:i + 16]) + ",")
    return f"static const uint8_t {name}[] = {{\n" + "\n".join(rows) + "\n};\n"


def lib_names():
    """The lib/*.js files, by name without `.js`, sorted."""
    names = sorted(p.stem for p in (HERE / "lib").glob("*.js"))
    for name in names:
        if not name.replace("_", "").isalnum() or not name.isascii():
            fail(f"lib/{name}.js: a lib's name must be a plain identifier")
    return names


def c_header(bytecode_dir):
    """bootstrap.js's bytecode as `candor_bootstrap`, the libs' as the table `candor_libs`."""
    parts = ["// generated by build.py from the bytecode of bootstrap.js and lib/*.js; do not edit\n",
             "#include <stddef.h>\n#include <stdint.h>\n",
             c_bytes("candor_bootstrap", (bytecode_dir / "bootstrap.bc").read_bytes())]
    names = lib_names()
    for name in names:
        parts.append(c_bytes(f"candor_lib_{name}", (bytecode_dir / f"{name}.bc").read_bytes()))
    rows = [f'  {{ "{n}", candor_lib_{n}, sizeof candor_lib_{n} }},' for n in names]
    parts.append("static const struct candor_lib { const char *name; const uint8_t *bytecode; size_t len; }\n"
                 "candor_libs[] = {\n" + "\n".join(rows) + "\n  { 0, 0, 0 }\n};\n")
    return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quickjs-src", required=True, type=Path)
    ap.add_argument("--venv", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()

    src = args.quickjs_src.resolve()
    for unit in QUICKJS_UNITS:
        if not (src / f"{unit}.c").is_file():
            fail(f"{src} does not hold the QuickJS-ng sources ({unit}.c is missing)")
    python = ensure_zig(args.venv.resolve())
    zcc = [str(python), "-m", "ziglang", "cc"]

    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="candor-js-", dir=out.parent))
    try:
        env = dict(os.environ)
        # zig keeps its compile cache per user; inside a build keep it beside the output
        env.setdefault("ZIG_GLOBAL_CACHE_DIR", str(out.parent / "zig-cache"))
        env.setdefault("ZIG_LOCAL_CACHE_DIR", str(out.parent / "zig-cache"))
        jobs = []
        # the engine's own warnings are not ours to fix
        quiet = ["-Wno-everything"]
        quickjs_c = patched_quickjs(src, work)
        for unit in QUICKJS_UNITS:
            unit_c = quickjs_c if unit == "quickjs" else src / f"{unit}.c"
            cmd = zcc + CFLAGS + quiet + ["-I", str(src), "-c", str(unit_c),
                                          "-o", str(work / f"{unit}.o")]
            jobs.append((unit, subprocess.Popen(cmd, env=env)))
        # jsc, the compiler to bytecode, for this machine: unoptimised (it compiles a few files)
        native = work / "native"
        native.mkdir()
        native_jobs = []
        for unit in QUICKJS_UNITS + ("jsc",):
            unit_c = quickjs_c if unit == "quickjs" else HERE / "jsc.c" if unit == "jsc" else src / f"{unit}.c"
            cmd = zcc + ["-O0", "-D_GNU_SOURCE", "-I", str(src), "-c", str(unit_c), "-o", str(native / f"{unit}.o")]
            if unit != "jsc":
                cmd.insert(len(zcc), "-Wno-everything")
            native_jobs.append((f"{unit} (for the build machine)", subprocess.Popen(cmd, env=env)))
        failed = [name for name, p in native_jobs if p.wait() != 0]
        if failed:
            fail(f"compiling {', '.join(failed)} with zig cc failed")
        jsc = native / ("jsc.exe" if os.name == "nt" else "jsc")
        run(zcc + [str(native / f"{u}.o") for u in QUICKJS_UNITS + ("jsc",)] + ["-o", str(jsc)],
            "linking jsc", env)
        bytecode = work / "bytecode"
        bytecode.mkdir()
        run([str(jsc), str(bytecode), str(HERE / "bootstrap.js")]
            + [str(HERE / "lib" / f"{n}.js") for n in lib_names()], "compiling the harness to bytecode")
        (work / "candor_bootstrap.h").write_text(c_header(bytecode))
        runner = zcc + CFLAGS + ["-Wall", "-I", str(src), "-I", str(work), "-c",
                                 str(HERE / "runner.c"), "-o", str(work / "runner.o")]
        jobs.append(("runner", subprocess.Popen(runner, env=env)))
        failed = [name for name, p in jobs if p.wait() != 0]
        if failed:
            fail(f"compiling {', '.join(failed)} with zig cc failed")
        objects = [str(work / f"{u}.o") for u in QUICKJS_UNITS + ("runner",)]
        tmp_out = work / "runner.wasm"
        link = zcc + ["-target", TARGET] + objects + ["-o", str(tmp_out)] + LDFLAGS
        subprocess.run(link, check=True, env=env)
        os.replace(tmp_out, out)
    except (OSError, subprocess.CalledProcessError) as e:
        fail(str(e))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"candor js build: wrote {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
