#!/usr/bin/env python3
"""Starts `mac build` of BUNDLE into OUT eight times, killing each with
SIGKILL after a different fraction of a whole build's time, and checks after each that OUT is a
complete build: verify_manifest.py passes and its date is one of the two
dates used (the previous build's or the killed build's).

usage: kill_builds.py BUNDLE OUT"""
import json
import pathlib
import signal
import subprocess
import sys
import time

bundle, out = sys.argv[1], pathlib.Path(sys.argv[2])
verify = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "verify_manifest.py"
def build(date):
    return subprocess.Popen(["mac", "build", bundle, "--env", "stage", "--target", "hubspot",
                             "--date", date, "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# Time one whole build, then kill later ones at fractions of that time, the
# last ones in the final moments when files are being written and swapped in.
start = time.monotonic()
build("2026-01-31").wait()
whole = time.monotonic() - start
delays = [whole * f for f in (0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.98, 1.0)]
dates = {"2026-01-31"}
for i, delay in enumerate(delays):
    date = f"2026-02-{i + 1:02d}"
    dates.add(date)
    build = subprocess.Popen(["mac", "build", bundle, "--env", "prod", "--target", "hubspot",
                              "--date", date, "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    build.send_signal(signal.SIGKILL)
    build.wait()
    check = subprocess.run([sys.executable, str(verify), str(out)], capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(f"after a kill at {delay:.2f}s OUT is not a complete build:\n{check.stdout}")
    built = json.loads((out / "manifest.json").read_text())["date"]
    if built not in dates:
        sys.exit(f"OUT holds a build nobody asked for: date {built}")
print(f"{len(delays)} interrupted builds: OUT was complete after every one")
