#!/usr/bin/env python3
"""Runs a command and fails unless it ends within a time and a memory bound,
for the resource-bound tests of test/robustness (the `ulimit -v` and
`timeout` of a shell, plus a check of the peak resident memory, which also
works under sanitizers).

usage: bounded.py [--sanitized] --seconds S --mb M -- COMMAND...
The command's stdout, stderr and exit status pass through. When it runs
longer than S seconds it is killed and the exit status is 124; when its
address space would pass M MiB its allocations fail (a crash, not a clean
exit); when its peak RSS passes M MiB bounded.py says so and exits 125.
--sanitized (ASan/UBSan builds) drops the address-space limit and scales
S by 10 and M by 4."""
import argparse
import resource
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sanitized", action="store_true")
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--mb", type=int, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    seconds, mb = args.seconds, args.mb
    if args.sanitized:
        seconds, mb = seconds * 10, mb * 4

    def limit_memory():
        if not args.sanitized:
            limit = mb << 20
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        status = subprocess.run(command, preexec_fn=limit_memory, timeout=seconds).returncode
    except subprocess.TimeoutExpired:
        print(f"bounded: `{' '.join(command)}` ran longer than {seconds:g} s", file=sys.stderr)
        return 124
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    if peak_mb > mb:
        print(f"bounded: `{' '.join(command)}` used {peak_mb} MiB, over {mb} MiB", file=sys.stderr)
        return 125
    return status


if __name__ == "__main__":
    sys.exit(main())
