#!/usr/bin/env python3
"""Checks that the profiler's times are honest: what a profile reports against the CPU
time the same program takes without profiling.

Usage:
    bench/profile_honesty.py [--runs N] [--clock cpu|wall] [--timeline] [--bin MLPY]
                             [PROGRAM ...]

For each program of bench/programs (default: the ones with a Lua version, the call- and
loop-heavy ones), N times (default 5):

* the unprofiled run's CPU time (user + system of the process, from `getrusage`), less
  the median CPU time of the empty program (start-up: launching, loading the binary);
* the profiled run (`--profile-output p.json --clock CLOCK`): the profile's execution
  time, the sum of the self times of every function (ML code, natives, runtime entries)
  with the profiler's calibrated cost subtracted.

It prints the medians and their ratio, which should be within 10% of 1 (the check of
issue 11). With `--clock cpu` both sides are CPU time, so the check holds on a busy
machine; with `--clock wall` the profile counts time spent waiting for a core as well,
and the ratio is only meaningful on an idle machine. Exits 1 when a ratio is outside
0.9..1.1. `--timeline` profiles with the event log on (its cost is calibrated too).
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PROGRAMS = ["fib", "closures", "loop", "range_loop", "fields", "dict", "quicksort",
                    "strings"]


def cpu_seconds(cmd):
    """Runs `cmd` (output discarded) and returns the CPU time it took, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("programs", nargs="*", default=DEFAULT_PROGRAMS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--clock", default="cpu", choices=["cpu", "wall"])
    ap.add_argument("--timeline", action="store_true")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "mlpy"))
    args = ap.parse_args()
    run = [args.bin, "run", "--no-cache"]
    empty = os.path.join("bench", "programs", "empty.ml")
    startup = statistics.median(cpu_seconds(run + [empty]) for _ in range(2 * args.runs + 1))
    print(f"empty program: {startup * 1e3:.1f} ms CPU (taken off the unprofiled runs)")
    print(f"{'program':12} {'unprofiled CPU':>15} {'profile':>10} {'ratio':>6} "
          f"{'event':>8} {'slow enter':>10} {'inside':>7}")
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "p.json")
        for name in args.programs:
            program = os.path.join("bench", "programs", f"{name}.ml")
            plain, reported = [], []
            for _ in range(args.runs):
                plain.append(cpu_seconds(run + [program]) - startup)
                extra = ["--timeline"] if args.timeline else []
                cpu_seconds(run + ["--clock", args.clock, *extra, "--profile-output", out,
                                   program])
                with open(out) as f:
                    profile = json.load(f)
                reported.append(sum(fn["self_ns"] for fn in profile["functions"]
                                    if fn["kind"] != "phase") / 1e9)
            cost = profile["profiler"]
            plain_s, reported_s = statistics.median(plain), statistics.median(reported)
            ratio = reported_s / plain_s
            print(f"{name:12} {plain_s * 1e3:12.1f} ms {reported_s * 1e3:7.1f} ms {ratio:6.3f} "
                  f"{cost['event_cost_ps'] / 1e3:5.2f} ns "
                  f"{cost.get('slow_enter_cost_ps', 0) / 1e3:7.2f} ns "
                  f"{cost['inside_cost_ps'] / 1e3:4.2f} ns")
            if not 0.9 <= ratio <= 1.1:
                failed.append(name)
    if failed:
        print(f"outside 10%: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
