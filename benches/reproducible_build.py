#!/usr/bin/env python3
"""Builds candor twice and compares the guest runtimes the two builds embed.

Each build goes to its own target directory (so the build scripts' OUT_DIRs
differ) and builds both runtimes from source: CANDOR_PYTHON_COMPONENT and
CANDOR_JS_MODULE are removed from its environment, and build.rs is touched
first so that a target directory used before reruns the build script. The
script then prints the SHA-256 of each runtime and, for runtimes that differ,
how many bytes differ, and runs probe snippets (str hashes, set order, object
addresses, random numbers, a CPU loop) with --deterministic on both binaries.

Passes (exit status 0) when, as README's "Reproducible runtimes" says:
- the two JavaScript runtimes are identical,
- the two Python runtimes differ only in the pre-initialised memory image,
  in at most --max-python-diff bytes (dead memory, see README; a hash secret
  or heap layout that varies shows as millions),
- every probe prints the same and consumes the same fuel on both builds.

Usage: python3 benches/reproducible_build.py [--targets DIR_A DIR_B]
Fresh target directories compile everything, wasmtime included (15 to 30
minutes each on 2 cores); pass target directories that already hold a release
build to rebuild only candor and its runtimes (~5 minutes each). Set CARGO to
run another cargo. Not part of CI.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIMES = ("python", "javascript")
PROBES = {
    "probe.py": """\
import random, sys
print(hash("candor"), hash(("candor", 1)), hash(2.5))
print(list({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}))
print(id(object()), id([]), id({}))
print(random.random(), random.getrandbits(64))
print(len(sys.modules), sorted(sys.modules)[-3:])
print(sum(i * i for i in range(20000)))
""",
    "probe.js": """\
const s = new Set(["alpha", "beta", "gamma"]);
console.log(Math.random(), Date.now(), [...s].join(","));
let total = 0;
for (let i = 0; i < 20000; i++) total += i * i;
console.log(total);
""",
}


def build(target, log):
    """Builds candor into `target`; returns (candor binary, OUT_DIR of its build script)."""
    env = dict(os.environ)
    env.pop("CANDOR_PYTHON_COMPONENT", None)
    env.pop("CANDOR_JS_MODULE", None)
    env["CARGO_TARGET_DIR"] = str(target)
    (ROOT / "build.rs").touch()
    cargo = os.environ.get("CARGO", "cargo")
    with open(log, "w") as stderr:
        done = subprocess.run(
            [cargo, "build", "--release", "--message-format=json-render-diagnostics"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True,
        )
    if done.returncode != 0:
        sys.exit(f"cargo build into {target} failed; see {log}")
    out_dir = None
    for line in done.stdout.splitlines():
        message = json.loads(line)
        package = message.get("package_id", "")
        if message.get("reason") == "build-script-executed" and (
                "#candor@" in package or package.startswith("candor ")):
            out_dir = Path(message["out_dir"])
    if out_dir is None:
        sys.exit(f"cargo build into {target} reported no build script run for candor")
    return Path(target) / "release" / "candor", out_dir


def differing_bytes(a, b):
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))


def leb(data, i, signed=False):
    """An LEB128 number at `i`: (value, next index)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if signed and byte & 0x40:
                value -= 1 << shift
            return value, i


def sections(data, start=0):
    """(id, contents) of each section of a module or component body."""
    found, i = [], start
    while i < len(data):
        size, j = leb(data, i + 1)
        found.append((data[i], data[j:j + size]))
        i = j + size
    return found


def memory_image(data_section):
    """The memory a data section's active segments fill (offsets i32.const)."""
    image = bytearray()
    count, i = leb(data_section, 0)
    for _ in range(count):
        flags, i = leb(data_section, i)
        if flags == 2:
            _, i = leb(data_section, i)
        if flags in (0, 2):
            if data_section[i] != 0x41:
                raise ValueError("a data segment offset that is not i32.const")
            offset, i = leb(data_section, i + 1, signed=True)
            i += 1  # end
        size, i = leb(data_section, i)
        if flags in (0, 2):
            offset &= 0xFFFFFFFF
            image.extend(bytes(max(0, offset + size - len(image))))
            image[offset:offset + size] = data_section[i:i + size]
        i += size
    return image


def compare_components(a, b):
    """(sections that differ other than data sections, differing memory bytes)."""
    outside, memory = 0, 0
    top_a, top_b = sections(a, 8), sections(b, 8)
    if [s for s, _ in top_a] != [s for s, _ in top_b]:
        return len(top_a) + len(top_b), 0
    for (kind, one), (_, other) in zip(top_a, top_b):
        if one == other:
            continue
        inner_a, inner_b = sections(one, 8), sections(other, 8)
        if kind != 1 or [s for s, _ in inner_a] != [s for s, _ in inner_b]:
            outside += 1
            continue
        for (inner, x), (_, y) in zip(inner_a, inner_b):
            if x == y:
                continue
            if inner != 11:
                outside += 1
                continue
            memory += differing_bytes(memory_image(x), memory_image(y))
    return outside, memory


def probe(candor, directory):
    """The stdout, outcome and fuel of each probe under --deterministic."""
    results = {}
    for name in PROBES:
        done = subprocess.run(
            [str(candor), "run", str(directory / name), "--deterministic", "--format", "json"],
            capture_output=True, text=True,
        )
        try:
            report = json.loads(done.stdout)
        except json.JSONDecodeError:
            sys.exit(f"{candor} run {name}: no report (exit {done.returncode}): {done.stderr.strip()}")
        results[name] = (report["outcome"], report["stdout"], report["fuel_consumed"])
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--targets", nargs=2, type=Path, metavar="DIR",
                    help="the two target directories (default: two fresh temporary ones)")
    ap.add_argument("--max-python-diff", type=int, default=4096,
                    help="differing bytes allowed between the Python runtimes (default 4096)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="candor-repro-"))
    targets = args.targets or [work / "target-a", work / "target-b"]
    for name, text in PROBES.items():
        (work / name).write_text(text)
    builds = []
    for label, target in zip("ab", targets):
        print(f"build {label}: cargo build --release into {target}", flush=True)
        candor, out_dir = build(target, work / f"build-{label}.log")
        keep = work / label
        keep.mkdir()
        shutil.copy2(candor, keep / "candor")
        for runtime in RUNTIMES:
            shutil.copy2(out_dir / f"{runtime}.wasm", keep / f"{runtime}.wasm")
        builds.append(keep)

    ok = True
    for runtime in RUNTIMES:
        a, b = ((build / f"{runtime}.wasm").read_bytes() for build in builds)
        ha, hb = hashlib.sha256(a).hexdigest(), hashlib.sha256(b).hexdigest()
        if ha == hb:
            print(f"{runtime}: identical, sha256 {ha}")
            continue
        print(f"{runtime}: differ ({len(a)} and {len(b)} bytes long)\n  a {ha}\n  b {hb}")
        if runtime == "javascript":
            ok = False
            continue
        outside, memory = compare_components(a, b)
        print(f"  {outside} sections differ besides the memory image, which differs in "
              f"{memory} bytes (at most {args.max_python_diff} allowed)")
        if outside or memory > args.max_python_diff:
            ok = False

    results = [probe(build / "candor", work) for build in builds]
    for name in PROBES:
        (oa, sa, fa), (ob, sb, fb) = results[0][name], results[1][name]
        same = (oa, sa, fa) == (ob, sb, fb)
        print(f"{name}: {'same' if same else 'DIFFERENT'} output and fuel ({fa} / {fb})")
        if not same:
            print(f"  a: {oa} {sa!r}\n  b: {ob} {sb!r}")
            ok = False
    print(f"artifacts and build logs: {work}")
    print("reproducible" if ok else "NOT reproducible")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
