#!/usr/bin/env bash
# Checks that checking and compiling scale linearly in the number of names (issue 8,
# defect 7: 40,000 distinct variables once took 10 s to compile).
#
# Usage:
#   bench/compile_scaling.sh [BINARY]
#
#   BINARY  the mlpy binary to measure (default: target/release/mlpy, honouring
#           CARGO_TARGET_DIR; built with `cargo build --release -p mlpy_cli` if missing)
#
# Generates two programs with 20,000 and 40,000 distinct names (top-level variables, each
# tested by an `if` and captured by a nested function as an upvalue, and function locals
# bound inside an `except` clause), counts the instructions (callgrind's total `Ir`) of
# `mlpy compile` on each (which parses, runs every static check of `mlpy check`, and
# compiles), and fails unless the ratio (40,000 / 20,000) is at most 2.3. Instruction
# counts are nearly deterministic, so the check does not depend on the machine's load.
# Takes about 10 s of CPU with a release binary.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
MAX_RATIO=2.3

if [[ $# -gt 1 || "${1:-}" = -h || "${1:-}" = --help ]]; then
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    [[ "${1:-}" = -h || "${1:-}" = --help ]] && exit 0
    exit 2
fi

source "$BENCH_DIR/lib.sh"
binary=$(mlpy_binary "${1:-}")
ensure_valgrind

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mlpy-scaling.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A program with $1 distinct names: half top-level variables, each tested by an `if`
# (definite assignment is tracked across its branches) and read by a nested function
# (one upvalue each), half locals of a function, bound inside an `except` clause.
generate() {
    local n=$1 half=$(($1 / 2)) i
    {
        for ((i = 0; i < half; i++)); do echo "t$i = $i; if (t$i > 0) { w = $i; }"; done
        echo "function g() {"
        echo "    s = 0;"
        for ((i = 0; i < half; i++)); do echo "    s = s + t$i;"; done
        echo "    return s;"
        echo "}"
        echo "function f(p) {"
        echo "    try { throw {message: \"m\"}; } except (e) {"
        for ((i = 0; i < half; i++)); do echo "        l$i = p + $i;"; done
        echo "    }"
        echo "    return l0;"
        echo "}"
        echo "print(g(), f(1));"
    }
}

# The instruction count of `mlpy $1 $2`.
count() {
    local out="$tmp/callgrind.out"
    if ! valgrind --tool=callgrind --callgrind-out-file="$out" \
            "$binary" "$1" "$2" >"$tmp/stdout" 2>"$tmp/stderr"; then
        echo "compile_scaling.sh: mlpy $1 $2 failed under valgrind:" >&2
        tail -20 "$tmp/stderr" >&2
        exit 1
    fi
    awk '/^(summary|totals):/ { print $2; exit }' "$out"
}

generate 20000 >"$tmp/names20000.ml"
generate 40000 >"$tmp/names40000.ml"

status=0
for command in compile; do
    small=$(count "$command" "$tmp/names20000.ml")
    large=$(count "$command" "$tmp/names40000.ml")
    ratio=$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.2f", a / b }')
    verdict=ok
    if awk -v r="$ratio" -v m="$MAX_RATIO" 'BEGIN { exit !(r > m) }'; then
        verdict="FAIL (more than $MAX_RATIO: not linear)"
        status=1
    fi
    printf 'mlpy %-7s 20000 names: %12d Ir   40000 names: %12d Ir   ratio %s  %s\n' \
        "$command" "$small" "$large" "$ratio" "$verdict"
done
exit $status
