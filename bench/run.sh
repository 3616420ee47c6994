#!/usr/bin/env bash
# Benchmark mlpy against CPython 3 and Lua 5.4 on the programs in bench/programs/.
#
# Usage:
#   bench/run.sh                 # every program
#   bench/run.sh fib dict        # a subset (names of bench/programs/NAME.ml)
#
# A program with NAME.lua is an interpreter program (mlpy, CPython and Lua); one without
# is a library program (mlpy and CPython only). NAME.setup.py, if present, runs once
# (with python3) in a scratch directory before the timed runs, which then run there;
# NAME.args holds extra `mlpy run` options (e.g. --allow-read=NAME.json). See README.md.
#
# Environment:
#   MLPY_BENCH_RUNS=N       hyperfine runs per command (default 5, plus 1 warm-up run)
#   MLPY_BENCH_ROUNDS=R     repeat the timing R times, going through the implementations
#                           in turn each round (default 1); the medians are taken over all
#                           R x N runs. On a shared machine whose load changes from minute
#                           to minute, rounds spread that change over all implementations.
#   MLPY_BENCH_PROFILE=1    also time `mlpy run FILE --profile` (skipped with a warning
#                           while the binary does not accept --profile)
#   MLPY_BIN=PATH           use this mlpy binary instead of building one
#   MLPY_BENCH_OUT=FILE     also write the Markdown table to FILE
#   MLPY_BENCH_PYTHON=PATH  the Python 3 interpreter (default: the one `python3` runs)
#   MLPY_BENCH_PYTHON_FLAGS  options for it (default "-S": skip the site module)
#   MLPY_BENCH_KEEP=1       keep the temporary directory (hyperfine JSON, outputs)
#   CARGO_TARGET_DIR        honoured when building and locating target/release/mlpy
#
# The script works from any working directory. It exits with status 1 when an
# implementation fails or prints something different from the others.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
PROG_DIR="$BENCH_DIR/programs"
RUNS=${MLPY_BENCH_RUNS:-5}
ROUNDS=${MLPY_BENCH_ROUNDS:-1}
PROFILE=${MLPY_BENCH_PROFILE:-0}
# The interpreter programs, in the table's order; every other NAME.ml without a NAME.lua
# (a library program) follows them, sorted by name.
CORE_PROGRAMS=(fib loop range_loop fields dict closures quicksort strings)
ALL_PROGRAMS=("${CORE_PROGRAMS[@]}")
for file in "$PROG_DIR"/*.ml; do
    name=$(basename "$file" .ml)
    [[ -f "$PROG_DIR/$name.lua" || "$name" = empty ]] || ALL_PROGRAMS+=("$name")
done

if [[ -t 2 ]]; then
    RED=$'\e[1;31m' GREEN=$'\e[32m' BOLD=$'\e[1m' RESET=$'\e[0m'
else
    RED='' GREEN='' BOLD='' RESET=''
fi
say() { printf '%s\n' "$*" >&2; }
loud() { printf '%s\n' "${RED}$*${RESET}" >&2; }

usage() {
    sed -n '2,29p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- arguments
PROGRAMS=()
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        -*) loud "unknown option: $arg"; usage >&2; exit 2 ;;
        *)
            name=${arg%.ml}
            name=${name##*/}
            # NAME.lua is optional: without it, NAME is a library program.
            for ext in ml py; do
                if [[ ! -f "$PROG_DIR/$name.$ext" ]]; then
                    loud "no such benchmark program: $PROG_DIR/$name.$ext"
                    exit 2
                fi
            done
            PROGRAMS+=("$name")
            ;;
    esac
done
if [[ ${#PROGRAMS[@]} -eq 0 ]]; then
    PROGRAMS=("${ALL_PROGRAMS[@]}")
fi
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    loud "MLPY_BENCH_RUNS must be a positive integer, got '$RUNS'"
    exit 2
fi

# ---------------------------------------------------------------- tools
missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v lua5.4 >/dev/null 2>&1 || missing+=(lua5.4)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [[ ${#missing[@]} -gt 0 ]]; then
    say "${BOLD}installing: ${missing[*]}${RESET}"
    SUDO=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO=(sudo)
        else
            loud "missing ${missing[*]} and not root (no sudo): install them first"
            exit 2
        fi
    fi
    "${SUDO[@]}" apt-get update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# ---------------------------------------------------------------- mlpy
STATUS=0
MLPY_OK=1
if [[ -n "${MLPY_BIN:-}" ]]; then
    MLPY=$MLPY_BIN
    if [[ -x "$MLPY_BIN" && "$MLPY_BIN" != /* ]]; then
        MLPY="$(cd "$(dirname "$MLPY_BIN")" && pwd)/$(basename "$MLPY_BIN")"
    fi
else
    target_dir=${CARGO_TARGET_DIR:-$ROOT/target}
    [[ "$target_dir" = /* ]] || target_dir="$ROOT/$target_dir"
    MLPY="$target_dir/release/mlpy"
    say "${BOLD}building mlpy (cargo build --release -p mlpy_cli)${RESET}"
    if ! (cd "$ROOT" && cargo build --release -p mlpy_cli); then
        loud "=== BUILD FAILED: benchmarking python3 and lua5.4 only ==="
        MLPY_OK=0
        STATUS=1
    fi
fi
if [[ $MLPY_OK -eq 1 && ! -x "$MLPY" ]]; then
    loud "=== no mlpy binary at $MLPY: benchmarking python3 and lua5.4 only ==="
    MLPY_OK=0
    STATUS=1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mlpy-bench.XXXXXX")
TMP=$(cd "$TMP" && pwd)  # absolute: the programs run in directories below it
cleanup() {
    if [[ "${MLPY_BENCH_KEEP:-0}" = 1 ]]; then
        say "kept $TMP"
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT

if [[ $MLPY_OK -eq 1 ]] && ! "$MLPY" run "$PROG_DIR/empty.ml" >"$TMP/probe.out" 2>"$TMP/probe.err"; then
    loud "=== $MLPY cannot run the empty program; mlpy results will show as failures ==="
    sed 's/^/    /' "$TMP/probe.err" >&2
fi

if [[ "$PROFILE" = 1 ]]; then
    if [[ $MLPY_OK -eq 1 ]] && "$MLPY" run "$PROG_DIR/empty.ml" --profile >/dev/null 2>&1; then
        PROFILE=1
    else
        say "${BOLD}warning:${RESET} 'mlpy run FILE --profile' does not work with this build; profile column skipped"
        PROFILE=0
    fi
fi

# Time the real interpreter, not a wrapper such as a pyenv shim (a shell script that
# adds ~100 ms of start-up).
PYTHON=${MLPY_BENCH_PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
# -S skips the `site` module: the programs import nothing, and .pth start-up hooks of a
# particular installation (which can cost tens of milliseconds) should not count.
read -r -a PYTHON_FLAGS <<<"${MLPY_BENCH_PYTHON_FLAGS--S}"
say "python3: $PYTHON ${PYTHON_FLAGS[*]} ($("$PYTHON" --version 2>&1)); lua: $(command -v lua5.4) ($(lua5.4 -v 2>&1))"

# The extra `mlpy run` options of PROGRAM (its NAME.args: words separated by white
# space, `#` to the end of a line a comment), in ML_ARGS.
ml_args_for() {
    ML_ARGS=()
    local file="$PROG_DIR/$1.args"
    [[ -f "$file" ]] || return 0
    read -r -d '' -a ML_ARGS < <(sed 's/#.*//' "$file") || true
}

# The command (as words) that runs PROGRAM with IMPL; ml_args_for PROGRAM first.
command_for() {
    local impl=$1 prog=$2
    case "$impl" in
        mlpy) CMD=("$MLPY" run "$PROG_DIR/$prog.ml" "${ML_ARGS[@]}") ;;
        mlpy_profile) CMD=("$MLPY" run "$PROG_DIR/$prog.ml" "${ML_ARGS[@]}" --profile) ;;
        python3) CMD=("$PYTHON" "${PYTHON_FLAGS[@]}" "$PROG_DIR/$prog.py") ;;
        lua) CMD=(lua5.4 "$PROG_DIR/$prog.lua") ;;
    esac
}

# ---------------------------------------------------------------- runs
printf '%s\n' "$RUNS" >"$TMP/runs"
printf '%s\n' "$ROUNDS" >"$TMP/rounds"
printf '%s\n' "$PROFILE" >"$TMP/profile"
printf '%s\n' "$MLPY_OK" >"$TMP/mlpy_ok"
: >"$TMP/programs"
: >"$TMP/library"

for prog in empty "${PROGRAMS[@]}"; do
    printf '%s\n' "$prog" >>"$TMP/programs"
    say "${BOLD}== $prog${RESET}"
    impls=()
    [[ $MLPY_OK -eq 1 ]] && impls+=(mlpy)
    impls+=(python3)
    if [[ -f "$PROG_DIR/$prog.lua" ]]; then
        impls+=(lua)
    else
        printf '%s\n' "$prog" >>"$TMP/library"
    fi
    [[ "$PROFILE" = 1 ]] && impls+=(mlpy_profile)
    ml_args_for "$prog"
    # Every program runs in a scratch directory of its own, where NAME.setup.py (if any)
    # has written its input files.
    work="$TMP/work/$prog"
    mkdir -p "$work"
    if [[ -f "$PROG_DIR/$prog.setup.py" ]]; then
        say "   setup: $PYTHON $prog.setup.py (in $work)"
        if ! (cd "$work" && "$PYTHON" "$PROG_DIR/$prog.setup.py") \
                >"$TMP/$prog.setup.out" 2>&1; then
            loud "=== SETUP FAILED: $prog.setup.py (nothing of $prog is timed) ==="
            tail -20 "$TMP/$prog.setup.out" | sed 's/^/    /' >&2
            STATUS=1
            : >"$TMP/$prog.status"
            for impl in "${impls[@]}"; do
                printf '%s fail\n' "$impl" >>"$TMP/$prog.status"
            done
            continue
        fi
    fi
    timed=()
    states=()
    for impl in "${impls[@]}"; do
        command_for "$impl" "$prog"
        # One run to check the output and to measure peak memory (max RSS, KiB).
        if (cd "$work" && /usr/bin/time -f %M -o "$TMP/$prog.$impl.mem" "${CMD[@]}") \
                >"$TMP/$prog.$impl.out" 2>"$TMP/$prog.$impl.err"; then
            states+=(ok)
        else
            states+=(fail)
            loud "=== FAILED: $impl on $prog (exit status != 0) ==="
            grep -v '^Command exited with non-zero status' "$TMP/$prog.$impl.err" \
                | head -20 | sed 's/^/    /' >&2 || true
            STATUS=1
        fi
    done
    # python3 is the reference output; every other implementation must match it.
    : >"$TMP/$prog.status"
    agree=1
    for i in "${!impls[@]}"; do
        impl=${impls[$i]}
        state=${states[$i]}
        if [[ $state = ok && $impl != python3 ]] \
                && ! cmp -s "$TMP/$prog.$impl.out" "$TMP/$prog.python3.out"; then
            state=mismatch
            loud "=== OUTPUT MISMATCH: $impl differs from python3 on $prog (< python3, > $impl) ==="
            diff "$TMP/$prog.python3.out" "$TMP/$prog.$impl.out" | head -20 | sed 's/^/    /' >&2 || true
            STATUS=1
        fi
        [[ $state = ok ]] || agree=0
        printf '%s %s\n' "$impl" "$state" >>"$TMP/$prog.status"
        if [[ $state != fail ]]; then
            command_for "$impl" "$prog"
            timed+=(-n "$impl" "$(printf '%q ' "${CMD[@]}")")
        fi
    done
    if [[ $agree = 1 ]]; then
        say "   ${GREEN}outputs agree${RESET}: $(head -c 70 "$TMP/$prog.python3.out" | tr '\n' ' ')"
    fi
    if [[ ${#timed[@]} -gt 0 ]]; then
        for ((round = 1; round <= ROUNDS; round++)); do
            warmup=$((round == 1 ? 1 : 0))
            if ! (cd "$work" && hyperfine -N --warmup "$warmup" --runs "$RUNS" --style basic \
                    --export-json "$TMP/$prog.round$round.json" "${timed[@]}") \
                    >"$TMP/$prog.hyperfine.txt" 2>&1; then
                loud "=== hyperfine failed on $prog ==="
                sed 's/^/    /' "$TMP/$prog.hyperfine.txt" >&2
                STATUS=1
                break
            fi
        done
    fi
done

# ---------------------------------------------------------------- report
say ""
python3 "$BENCH_DIR/report.py" "$TMP" | tee "$TMP/report.md"
if [[ -n "${MLPY_BENCH_OUT:-}" ]]; then
    cp "$TMP/report.md" "$MLPY_BENCH_OUT"
fi
if [[ $STATUS -ne 0 ]]; then
    loud "=== some implementations failed or disagreed; see the messages above ==="
fi
exit "$STATUS"
