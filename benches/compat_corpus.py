#!/usr/bin/env python3
"""Differential compatibility run of a program corpus: native python3 / node against candor.

Every `.py`, `.js` and `.mjs` file under the given directories runs twice: with the
native interpreter (in a fresh temporary directory, stdin empty, a clean environment
with TZ=UTC) and with `candor run FILE --format json` (in another fresh directory).
A program matches when stdout, the last line of stderr and the exit code are equal;
the rules are those of `tests/compat.rs` (see `tests/compat/README.md`). A `.ts` file
is compared with its `NAME.ts.expected` sidecar, which `--write-ts-expected` writes by
running the file once with `npx tsx` (node cannot run TypeScript itself).

Usage:
  python3 benches/compat_corpus.py --candor target/release/candor DIR... [--jobs N]
      [--timeout SECONDS] [--python EXE] [--node EXE] [--known FILE] [--show-matches]
  python3 benches/compat_corpus.py --write-ts-expected DIR...

It prints the pass rate per language and a table of the mismatches grouped by the
first differing stderr last line (or by what else differed). Exit status: 0 when
every program matched (or was listed in --known), 1 otherwise.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LANGUAGES = {".py": "python", ".js": "js", ".mjs": "js", ".ts": "js"}
ARGS_MARK = re.compile(r"^\s*(?:#|//)\s*candor-args:(.*)$")
# the TypeScript runner that writes `.ts.expected` sidecars (node 20 cannot strip types)
TSX = "tsx@4.23.15"


def candor_args(source):
    """Extra `candor run` arguments from a `candor-args:` comment in the first five lines."""
    for line in source.splitlines()[:5]:
        found = ARGS_MARK.match(line)
        if found:
            return found.group(1).split()
    return []


def last_line(stderr, language):
    """The last non-blank line of stderr, with JavaScript's engine-specific decoration removed.

    For JavaScript, stack frames (`    at ...`), node's `Node.js vX` trailer and the
    `Uncaught ` / `Uncaught (in promise) ` prefix that QuickJS puts before an uncaught
    error are dropped, so that both sides end on the error itself ("TypeError: boom").
    """
    lines = stderr.splitlines()
    if language == "js":
        lines = [
            l for l in lines
            if not l.lstrip().startswith("at ") and not re.match(r"^Node\.js v\d", l)
        ]
    for line in reversed(lines):
        if line.strip():
            line = line.rstrip()
            if language == "js":
                for prefix in ("Uncaught (in promise) ", "Uncaught "):
                    if line.startswith(prefix):
                        line = line[len(prefix):]
                        break
            return line
    return ""


def newest_python():
    """The newest runnable interpreter among python3.13, python3.12 and python3 (or $CANDOR_COMPAT_PYTHON)."""
    names = [os.environ["CANDOR_COMPAT_PYTHON"]] if os.environ.get("CANDOR_COMPAT_PYTHON") else [
        "python3.13", "python3.12", "python3"]
    best = None
    for name in names:
        try:
            out = subprocess.run(
                [name, "-c", "import sys; print(sys.executable); print(*sys.version_info[:2])"],
                capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode != 0:
            continue
        exe, version = out.stdout.splitlines()[:2]
        version = tuple(int(v) for v in version.split())
        if best is None or version > best[1]:
            best = (exe, version)
    return best


def run_limited(argv, cwd, timeout, env=None):
    """(stdout, stderr, exit code or None on timeout) of one process."""
    try:
        out = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        return (exc.stdout or b"").decode("utf-8", "replace"), "(timed out)", None
    return out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace"), out.returncode


def native_env():
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "PYTHONDONTWRITEBYTECODE": "1"}


def run_native(path, language, opts):
    if path.suffix == ".ts":
        sidecar = path.with_name(path.name + ".expected")
        if not sidecar.exists():
            return None
        expected = json.loads(sidecar.read_text(encoding="utf-8"))
        return expected["stdout"], expected["stderr_last_line"], expected["exit_code"]
    with tempfile.TemporaryDirectory(prefix="compat-native-") as tmp:
        shutil.copy(path, Path(tmp) / path.name)
        exe = opts.python if language == "python" else opts.node
        out, err, code = run_limited([exe, path.name], tmp, opts.timeout, native_env())
    return out, last_line(err, language), code


def run_candor(path, language, opts):
    source = path.read_text(encoding="utf-8", errors="replace")
    extra = candor_args(source)
    if not any(a == "--timeout" or a.startswith("--timeout=") for a in extra):
        extra += ["--timeout", f"{opts.timeout}s"]
    with tempfile.TemporaryDirectory(prefix="compat-candor-") as tmp:
        shutil.copy(path, Path(tmp) / path.name)
        out, err, code = run_limited(
            [opts.candor, "run", path.name, "--format", "json", *extra], tmp, opts.timeout + 30)
    if code is None:
        return "", "(candor timed out)", None
    try:
        report = json.loads(out)
    except json.JSONDecodeError:
        return "", f"(candor failed: {last_line(err, 'python') or 'no report'})", None
    return report["stdout"], last_line(report["stderr"], language), report["exit_code"]


def compare(path, opts):
    language = LANGUAGES[path.suffix]
    native = run_native(path, language, opts)
    if native is None:
        return path, language, None, None
    return path, language, native, run_candor(path, language, opts)


def first_difference(native, candor):
    """A short key for what differed first: the candor stderr line, else the field."""
    if native[1] != candor[1]:
        return candor[1] or "(empty stderr)"
    if native[2] != candor[2]:
        return f"exit code {native[2]} vs {candor[2]}"
    return "(stdout differs)"


def write_ts_expected(dirs):
    if shutil.which("npx") is None:
        sys.exit("npx is not on PATH")
    for path in sorted(p for d in dirs for p in Path(d).rglob("*.ts")):
        with tempfile.TemporaryDirectory(prefix="compat-tsx-") as tmp:
            shutil.copy(path, Path(tmp) / path.name)
            out, err, code = run_limited(["npx", "--yes", TSX, path.name], tmp, 300,
                                         {**native_env(), "HOME": os.environ.get("HOME", "/")})
        sidecar = {"generated_by": TSX, "stdout": out, "stderr_last_line": last_line(err, "js"),
                   "exit_code": code}
        path.with_name(path.name + ".expected").write_text(
            json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path}: exit {code}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="directories searched for programs")
    parser.add_argument("--candor", help="the candor binary")
    parser.add_argument("--python", help="native Python (default: newest of python3.13, python3.12, python3)")
    parser.add_argument("--node", default=os.environ.get("CANDOR_COMPAT_NODE", "node"), help="native node (default node)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds per program and side (default 30)")
    parser.add_argument("--jobs", type=int, default=2, help="programs run at once (default 2)")
    parser.add_argument("--known", type=Path, help="a known_differences.txt (path<TAB>reason) to mark")
    parser.add_argument("--show-matches", action="store_true", help="also list the programs that matched")
    parser.add_argument("--write-ts-expected", action="store_true",
                        help=f"write NAME.ts.expected for every .ts file with npx {TSX}, then stop")
    opts = parser.parse_args()
    if opts.write_ts_expected:
        write_ts_expected(opts.dirs)
        return 0
    if not opts.candor:
        parser.error("--candor is required")
    opts.candor = str(Path(opts.candor).resolve())
    if opts.python is None:
        found = newest_python()
        if found is None:
            sys.exit("no runnable python3.13, python3.12 or python3 (set CANDOR_COMPAT_PYTHON)")
        opts.python = found[0]
    files = sorted(p for d in opts.dirs for p in d.rglob("*") if p.suffix in LANGUAGES and p.is_file())
    known = {}
    if opts.known:
        for line in opts.known.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, reason = line.partition("\t")
                known[name.strip()] = reason.strip()
    version = subprocess.run([opts.python, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"native: {version} ({opts.python}), {opts.node}; candor: {opts.candor}; {len(files)} programs")

    totals = collections.Counter()
    groups = collections.defaultdict(list)
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        for path, language, native, candor in pool.map(lambda p: compare(p, opts), files):
            if native is None:
                totals["skipped"] += 1
                continue
            totals[language] += 1
            if native == candor:
                totals[language + " match"] += 1
                if opts.show_matches:
                    print(f"match  {path}")
                continue
            key = first_difference(native, candor)
            tag = next((k for k in known if str(path).endswith(k)), None)
            groups[key].append((path, native, candor, known.get(tag) if tag else None))

    for language in ("python", "js"):
        if totals[language]:
            n, m = totals[language + " match"], totals[language]
            print(f"{language}: {n}/{m} match ({100.0 * n / m:.1f}%)")
    if totals["skipped"]:
        print(f"skipped {totals['skipped']} .ts file(s) without a .ts.expected sidecar")
    unexplained = 0
    for key, rows in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"\n[{len(rows)}] {key}")
        for path, native, candor, reason in rows:
            note = f"  (known: {reason})" if reason else ""
            unexplained += reason is None
            print(f"    {path}{note}")
            if native[1] != candor[1]:
                print(f"        stderr: native {native[1]!r}")
            if native[2] != candor[2]:
                print(f"        exit:   native {native[2]} candor {candor[2]}")
            if native[0] != candor[0]:
                print("        stdout: " + stdout_difference(native[0], candor[0]))
    return 1 if unexplained else 0


def stdout_difference(a, b):
    """Where two outputs first part: the line number and both lines, clipped."""
    la, lb = a.splitlines(), b.splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "<end>"
        y = lb[i] if i < len(lb) else "<end>"
        if x != y:
            return f"line {i + 1}: native {x[:100]!r} candor {y[:100]!r}"
    return f"{len(a)} vs {len(b)} bytes (line endings)"


if __name__ == "__main__":
    sys.exit(main())
