#!/usr/bin/env bash
# Count the instructions (callgrind's total `Ir`) that mlpy executes for one program.
#
# Usage:
#   bench/callgrind.sh PROGRAM [BINARY]
#
#   PROGRAM  a name from bench/programs (fib, loop, …) or the path of any .ml file;
#            its NAME.setup.py (if any) runs first, with python3, in a scratch
#            directory, where the program then runs, with the options in NAME.args
#   BINARY   the mlpy binary to measure (default: target/release/mlpy, honouring
#            CARGO_TARGET_DIR; built with `cargo build --release -p mlpy_cli` if missing)
#
# Prints the total instruction count (a single integer) on standard output; the rest
# goes to standard error. Instruction counts are nearly deterministic, so two builds can
# be compared on a noisy machine where wall-clock timings cannot:
#
#   bench/callgrind.sh fib /tmp/mlpy-before > before.txt
#   bench/callgrind.sh fib target/release/mlpy > after.txt
#
# Environment:
#   MLPY_CALLGRIND_OUT=FILE  keep callgrind's output file there (for callgrind_annotate)
#   MLPY_ARGS="..."          extra options passed to `mlpy run` (for example --profile)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

if [[ $# -lt 1 || $# -gt 2 || "$1" = -h || "$1" = --help ]]; then
    sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    [[ $# -ge 1 && ( "$1" = -h || "$1" = --help ) ]] && exit 0
    exit 2
fi

program=$1
if [[ -f "$program" ]]; then
    file=$program
elif [[ -f "$BENCH_DIR/programs/${program%.ml}.ml" ]]; then
    file="$BENCH_DIR/programs/${program%.ml}.ml"
else
    echo "callgrind.sh: no such program: $program" >&2
    exit 2
fi

source "$BENCH_DIR/lib.sh"
binary=$(mlpy_binary "${2:-}")
# Absolute: the program runs in a scratch directory.
[[ "$binary" != */* || "$binary" = /* ]] || binary="$PWD/$binary"
ensure_valgrind

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mlpy-callgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=${MLPY_CALLGRIND_OUT:-$tmp/callgrind.out}
[[ "$out" = /* ]] || out="$PWD/$out"
file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
read -r -a extra <<<"${MLPY_ARGS:-}"

# The conventions of bench/run.sh: NAME.args holds options for `mlpy run`, NAME.setup.py
# writes the program's input files into the directory where it runs.
base=${file%.ml}
args=()
if [[ -f "$base.args" ]]; then
    read -r -d '' -a args < <(sed 's/#.*//' "$base.args") || true
fi
work="$tmp/work"
mkdir -p "$work"
if [[ -f "$base.setup.py" ]]; then
    echo "setup: python3 $(basename "$base").setup.py" >&2
    if ! (cd "$work" && python3 "$base.setup.py") >"$tmp/setup.out" 2>&1; then
        echo "callgrind.sh: $base.setup.py failed:" >&2
        tail -20 "$tmp/setup.out" >&2
        exit 1
    fi
fi

echo "callgrind: $binary run $file ${args[*]} ${extra[*]}" >&2
if ! (cd "$work" && valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$binary" run "$file" "${args[@]}" "${extra[@]}") >"$tmp/stdout" 2>"$tmp/stderr"; then
    echo "callgrind.sh: the program failed under valgrind:" >&2
    tail -20 "$tmp/stderr" >&2
    exit 1
fi

# callgrind writes "summary: N" (and/or "totals: N"); the first event is Ir.
ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$out")
if [[ -z "$ir" ]]; then
    echo "callgrind.sh: no instruction total in $out" >&2
    exit 1
fi
echo "program output: $(head -c 100 "$tmp/stdout" | tr '\n' ' ')" >&2
echo "$ir"
