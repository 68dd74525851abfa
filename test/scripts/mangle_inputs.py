#!/usr/bin/env python3
"""Feeds systematically mangled versions of the example bundle to `mac check`
and fails if any run crashes, hangs, exits with a status other than 0 or 1,
or prints output that is not one valid JSON object.

Mangling (deterministic, seeded): truncation at many points, single byte
flips (including bytes that break UTF-8), deleted tokens and duplicated
tokens. Every mangled file is checked twice: alone (a bundle of one file)
and in place inside a copy of the whole example bundle, so cross-file
resolution sees broken input too."""
import concurrent.futures
import json
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

MAC, ROOT = sys.argv[1], pathlib.Path(sys.argv[2])
EXAMPLE = ROOT / "docs" / "examples" / "lead-intake"
TIMEOUT_S = 20
TOKEN = re.compile(rb'"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|[A-Za-z_][A-Za-z0-9_]*|\d[\w.:-]*|\S')


def mutations(data: bytes, rng: random.Random):
    """Yields (label, mangled bytes)."""
    for fraction in (0.1, 0.25, 0.5, 0.75, 0.9, 0.99):
        cut = int(len(data) * fraction)
        yield f"truncate@{cut}", data[:cut]
    for _ in range(6):
        at = rng.randrange(len(data))
        value = rng.choice([0x00, 0x7B, 0x7D, 0x22, 0x3B, 0xC3, 0xFF, 0x80, rng.randrange(256)])
        yield f"flip@{at}={value:#x}", data[:at] + bytes([value]) + data[at + 1:]
    tokens = list(TOKEN.finditer(data))
    for _ in range(6):
        token = rng.choice(tokens)
        yield f"delete-token@{token.start()}", data[:token.start()] + data[token.end():]
    for _ in range(6):
        token = rng.choice(tokens)
        yield (f"duplicate-token@{token.start()}",
               data[:token.end()] + b" " + token.group(0) + data[token.end():])


def run(args):
    label, path = args
    try:
        done = subprocess.run([MAC, "check", "--format", "json", str(path)], capture_output=True,
                              timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"{label}: hung for more than {TIMEOUT_S}s"
    if done.returncode not in (0, 1):
        return f"{label}: exit status {done.returncode}\n{done.stderr.decode(errors='replace')[-2000:]}"
    try:
        report = json.loads(done.stdout)
        assert isinstance(report["diagnostics"], list)
    except Exception as error:  # noqa: BLE001 - any malformed output is a failure
        return f"{label}: output is not a JSON report ({error})"
    return None


def main():
    seeds = sorted(EXAMPLE.rglob("*.flow"))
    failures, runs = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        jobs = []
        for index, seed in enumerate(seeds):
            rng = random.Random(index)
            rel = seed.relative_to(EXAMPLE)
            for number, (label, data) in enumerate(mutations(seed.read_bytes(), rng)):
                name = f"{index:02d}-{number:02d}"
                single = tmp / "single" / f"{name}.flow"
                single.parent.mkdir(parents=True, exist_ok=True)
                single.write_bytes(data)
                jobs.append((f"{rel} {label} (alone)", single))
                bundle = tmp / "bundles" / name
                shutil.copytree(EXAMPLE, bundle)
                (bundle / rel).write_bytes(data)
                jobs.append((f"{rel} {label} (in bundle)", bundle))
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for failure in pool.map(run, jobs):
                runs += 1
                if failure:
                    failures.append(failure)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{runs} mangled runs over {len(seeds)} files: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
