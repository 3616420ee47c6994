#!/usr/bin/env bash
# Compare the instruction counts of two mlpy binaries on every program of bench/programs.
#
# Usage:
#   bench/callgrind-compare.sh BEFORE AFTER [PROGRAM...]
#
# Prints a Markdown table (program, instructions before, after, change) on standard
# output and exits 1 if any program got more than MLPY_MAX_GROWTH percent (default 3)
# more instructions. Runs each program once per binary under `valgrind --tool=callgrind`
# (see bench/callgrind.sh); counts are repeatable, so one run each is enough.
# Without PROGRAMs: the interpreter programs (those with a NAME.lua). The library
# programs (json_roundtrip, …) take minutes each under callgrind: name them, or set
# MLPY_CALLGRIND_ALL=1.
#
# Environment:
#   MLPY_ARGS="..."        extra options for `mlpy run` (for example --profile)
#   MLPY_MAX_GROWTH=PCT    the allowed growth in percent (default 3)
#   MLPY_CALLGRIND_ALL=1   every program of bench/programs by default
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ $# -lt 2 ]]; then
    sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
before=$1
after=$2
shift 2
if [[ $# -gt 0 ]]; then
    programs=("$@")
else
    programs=()
    for f in "$BENCH_DIR"/programs/*.ml; do
        name=$(basename "$f" .ml)
        if [[ -f "$BENCH_DIR/programs/$name.lua" || "${MLPY_CALLGRIND_ALL:-0}" = 1 ]]; then
            programs+=("$name")
        fi
    done
fi
max=${MLPY_MAX_GROWTH:-3}

echo "| program | before | after | change |"
echo "|---|---:|---:|---:|"
worst=ok
for p in "${programs[@]}"; do
    b=$("$BENCH_DIR/callgrind.sh" "$p" "$before" 2>/dev/null)
    a=$("$BENCH_DIR/callgrind.sh" "$p" "$after" 2>/dev/null)
    change=$(python3 -c "print(f'{($a - $b) / $b * 100:+.2f}%')")
    echo "| $p | $b | $a | $change |"
    if python3 -c "import sys; sys.exit(0 if ($a - $b) / $b * 100 > $max else 1)"; then
        worst=grew
    fi
done
if [[ $worst = grew ]]; then
    echo "callgrind-compare: some program grew by more than $max%" >&2
    exit 1
fi
