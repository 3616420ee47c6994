#!/usr/bin/env bash
# Measures what the bytecode cache saves at start-up (issue 10, part 3).
#
# Usage:
#   bench/cache_startup.sh [BINARY]
#
#   BINARY  the mlpy binary to measure (default: target/release/mlpy, honouring
#           CARGO_TARGET_DIR; built with `cargo build --release -p mlpy_cli` if missing)
#
# Generates a program of about 5,000 lines (250 functions with loops, branches, closures,
# string and float constants, called once each), then times with hyperfine: a run that
# reads the cache (hit), a run that compiles and rewrites it (`--force-transpile`: a
# miss), a run without it (`--no-cache`), and `bench/programs/empty.ml` with and without
# the cache. Prints hyperfine's table (medians in its JSON export, shown at the end).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

if [[ $# -gt 1 || "${1:-}" = -h || "${1:-}" = --help ]]; then
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    [[ "${1:-}" = -h || "${1:-}" = --help ]] && exit 0
    exit 2
fi

source "$BENCH_DIR/lib.sh"
binary=$(mlpy_binary "${1:-}")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mlpy-cache-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

{
    for ((i = 0; i < 250; i++)); do
        cat <<ML
function f$i(n) {
    total = 0;
    names = ["a$i", "b$i", "c$i"];
    for (k in range(n)) {
        if (k % 3 == 0) {
            total = total + k * $i;
        } elif (k % 3 == 1) {
            total = total - 1.5;
        } else {
            total = total + len(names[k % 3]);
        }
    }
    adder = fn(x) => x + total + $i;
    while (n > 0) {
        n = n - 1;
    }
    return adder(1);
}
ML
    done
    echo "s = 0;"
    for ((i = 0; i < 250; i++)); do echo "s = s + f$i(3);"; done
    echo "print(s);"
} >"$tmp/big.ml"
cp "$ROOT/bench/programs/empty.ml" "$tmp/empty.ml"
echo "$(wc -l <"$tmp/big.ml") lines in the generated program" >&2

cd "$tmp"
"$binary" run big.ml >/dev/null
"$binary" run empty.ml >/dev/null
hyperfine -N --warmup 5 --runs "${RUNS:-40}" --export-json "$tmp/times.json" \
    -n "big, hit" "$binary run big.ml" \
    -n "big, miss (--force-transpile)" "$binary run big.ml --force-transpile" \
    -n "big, --no-cache" "$binary run big.ml --no-cache" \
    -n "empty, hit" "$binary run empty.ml" \
    -n "empty, --no-cache" "$binary run empty.ml --no-cache"
python3 - "$tmp/times.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"]:32} median {r["median"] * 1000:8.2f} ms')
PY
