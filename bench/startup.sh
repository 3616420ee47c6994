#!/usr/bin/env bash
# Start-up time of mlpy (issue 10's bar: under 5 ms): the empty program, and a program
# that imports every standard module this build provides. Modules are built when first
# imported (`stdlib::build`, called by the `import` instruction), never at start-up, so
# the second row is the empty program plus the cost of building every module.
#
# Usage:
#   bench/startup.sh [BINARY]
#
#   BINARY  the mlpy binary (default: target/release/mlpy, honouring CARGO_TARGET_DIR;
#           built with `cargo build --release -p mlpy_cli` if missing)
#
# Environment:
#   MLPY_STARTUP_RUNS=N      runs per program (default 50, after 5 warm-up runs)
#   MLPY_STARTUP_LIMIT_MS=L  the bar in milliseconds (default 5)
#
# Runs the programs in turn, round after round, and prints the median wall time and the
# median CPU time (user + system, from wait4) of each (and of `python3 -S` on the empty
# program, for scale). Exits 1 if an mlpy CPU median is at or above the bar: on a shared
# machine the wall time also measures the wait for a free core, the CPU time does not.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RUNS=${MLPY_STARTUP_RUNS:-50}
LIMIT=${MLPY_STARTUP_LIMIT_MS:-5}

if [[ $# -gt 1 || "${1:-}" = -h || "${1:-}" = --help ]]; then
    sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    [[ "${1:-}" = -h || "${1:-}" = --help ]] && exit 0
    exit 2
fi

source "$BENCH_DIR/lib.sh"
binary=$(mlpy_binary "${1:-}")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mlpy-startup.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The program that imports every standard module, from the build's own list (keeping
# the names it can really import: the list may name modules declared but not provided).
names=$(echo 'print(" ".join(available_modules("standard")));' | "$binary" run -)
modules=()
: >"$tmp/import_all.ml"
for m in $names; do
    if printf 'import %s;\n' "$m" | "$binary" run - >/dev/null 2>&1; then
        printf 'import %s;\n' "$m" >>"$tmp/import_all.ml"
        modules+=("$m")
    fi
done
echo "importable standard modules: ${modules[*]}" >&2

python=$(python3 -c 'import sys; print(sys.executable)')
python3 - "$RUNS" "$LIMIT" <<PY
import os, statistics, subprocess, sys, time

runs, limit = int(sys.argv[1]), float(sys.argv[2])
programs = [
    ("mlpy: empty program", ["$binary", "run", "$BENCH_DIR/programs/empty.ml"]),
    ("mlpy: import every standard module", ["$binary", "run", "$tmp/import_all.ml"]),
    ("python3 -S: empty program", ["$python", "-S", "$BENCH_DIR/programs/empty.py"]),
]
wall = {name: [] for name, _ in programs}
cpu = {name: [] for name, _ in programs}
# 5 warm-up rounds, then the programs in turn, round after round.
for round in range(runs + 5):
    for name, argv in programs:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            sys.exit(f"startup.sh: {name} failed ({' '.join(argv)})")
        if round >= 5:
            wall[name].append(elapsed * 1000)
            cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
over = False
print(f"{runs} runs each, interleaved. Wall: elapsed time; CPU: user + system time.")
print()
print("| program | wall median | wall min | CPU median |")
print("|---|---:|---:|---:|")
for name, _ in programs:
    print(f"| {name} | {statistics.median(wall[name]):.2f} ms | {min(wall[name]):.2f} ms "
          f"| {statistics.median(cpu[name]):.2f} ms |")
    if name.startswith("mlpy") and statistics.median(cpu[name]) >= limit:
        over = True
print()
print(f"Bar: the CPU median of every mlpy row under {limit:g} ms: "
      + ("**FAILED**" if over else "met."))
sys.exit(1 if over else 0)
PY
