#!/usr/bin/env bash
# Builds mlpy with AddressSanitizer and runs ML programs with it, each once plain and once
# with --profile, failing on any AddressSanitizer report. Leak detection is off: leaks are
# the cycle collector's business and its own tests'.
#
#   scripts/asan.sh              the conformance suite (tests/conformance, each case as
#                                its runner runs it) and the differential corpus
#                                (crates/mlpy_difftest/corpus/*.ml, when it exists)
#   scripts/asan.sh FILE...      only these programs
#
# Uses the nightly toolchain when rustup has one, otherwise the stable one with
# RUSTC_BOOTSTRAP=1 (stable ships the ASan runtime too). The build has its own target
# directory (target/asan) and is a release build without LTO (quicker to build, and
# near the shipped binary). Environment: ASAN_JOBS (parallel runs, default: the number
# of cores), ASAN_RUN_TIMEOUT (seconds per run, default 60).
#
# The last line is the summary: `asan: N programs (M runs, T s), R reports`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

triple=x86_64-unknown-linux-gnu
target_dir="$root/target/asan"
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    cargo=(cargo +nightly)
else
    echo "asan: no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1" >&2
    export RUSTC_BOOTSTRAP=1
    cargo=(cargo)
fi
echo "asan: building mlpy with AddressSanitizer (${cargo[*]}, $target_dir)" >&2
# RUSTFLAGS replaces the workspace's .cargo/config.toml flags (they only tune dispatch).
RUSTFLAGS="-Zsanitizer=address -Cdebuginfo=line-tables-only" \
    CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    "${cargo[@]}" build --release --quiet --target "$triple" --target-dir "$target_dir" \
    -p mlpy_cli --bin mlpy
mlpy="$target_dir/$triple/release/mlpy"

# The programs to run.
programs=()
if [ $# -gt 0 ]; then
    for f in "$@"; do
        programs+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
    done
else
    # A directory with a main.ml is one case (the other files are its modules).
    while IFS= read -r -d '' f; do
        dir="$(dirname "$f")"
        skip=
        while [ "$dir" != "$root/tests/conformance" ] && [ "$dir" != / ]; do
            if [ -f "$dir/main.ml" ] && [ "$f" != "$dir/main.ml" ]; then
                skip=1
                break
            fi
            dir="$(dirname "$dir")"
        done
        [ -n "$skip" ] || programs+=("$f")
    done < <(find "$root/tests/conformance" -name '*.ml' -print0 | sort -z)
    if [ -d "$root/crates/mlpy_difftest/corpus" ]; then
        n_before=${#programs[@]}
        while IFS= read -r -d '' f; do
            programs+=("$f")
        done < <(find "$root/crates/mlpy_difftest/corpus" -maxdepth 1 -name '*.ml' -print0 | sort -z)
        echo "asan: differential corpus: $((${#programs[@]} - n_before)) programs" >&2
    else
        echo "asan: no differential corpus (crates/mlpy_difftest/corpus); skipped" >&2
    fi
fi
[ ${#programs[@]} -gt 0 ] || { echo "asan: no programs to run" >&2; exit 1; }

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# One run: `run_one MODE FILE` with MODE `plain` or `profile`. As the conformance runner
# does: the file's directory as working directory, `// args:` after the file, empty
# stdin. Leaves FILE's log in $logs when ASan reported something or mlpy crashed.
run_one() {
    local mode="$1" file="$2" args=() extra=() status=0 out
    local dir name
    dir="$(dirname "$file")"
    name="$(basename "$file")"
    # shellcheck disable=SC2207
    args=($(grep -o '// args:.*' "$file" | sed 's|^// args: *||' || true))
    [ "$mode" = profile ] && extra=(--profile)
    out="$logs/$(echo "$mode:$file" | md5sum | cut -c1-16)"
    (cd "$dir" && ASAN_OPTIONS="detect_leaks=0:exitcode=86:${ASAN_OPTIONS:-}" \
        timeout "$ASAN_RUN_TIMEOUT" "$MLPY_ASAN" run "$name" "${extra[@]}" "${args[@]}" \
        </dev/null >/dev/null 2>"$out.err") || status=$?
    if grep -q 'ERROR: AddressSanitizer' "$out.err"; then
        { echo "== $mode $file"; cat "$out.err"; } >"$out.report"
    elif [ "$status" -ge 70 ] && [ "$status" -ne 75 ]; then
        # 70: internal error (a panic), 86: ASan without its banner, 124: timeout,
        # > 128: a signal. (75 is a resource limit, which some cases expect.)
        { echo "== $mode $file: exit status $status"; tail -20 "$out.err"; } >"$out.crash"
    fi
    rm -f "$out.err"
}
export -f run_one
export logs
export MLPY_ASAN="$mlpy"
export ASAN_RUN_TIMEOUT="${ASAN_RUN_TIMEOUT:-60}"

jobs="${ASAN_JOBS:-$(nproc)}"
echo "asan: running ${#programs[@]} programs, plain and with --profile ($jobs at a time)" >&2
started=$SECONDS
for f in "${programs[@]}"; do
    printf 'plain\0%s\0profile\0%s\0' "$f" "$f"
done | xargs -0 -n 2 -P "$jobs" bash -c 'run_one "$0" "$1"'

reports=0
for r in "$logs"/*.report; do
    [ -e "$r" ] || continue
    reports=$((reports + 1))
    cat "$r" >&2
done
crashes=0
for c in "$logs"/*.crash; do
    [ -e "$c" ] || continue
    crashes=$((crashes + 1))
    cat "$c" >&2
done
[ "$crashes" -eq 0 ] || echo "asan: $crashes runs ended abnormally without an ASan report (see above)" >&2
echo "asan: ${#programs[@]} programs ($((2 * ${#programs[@]})) runs, $((SECONDS - started)) s), $reports reports"
[ "$reports" -eq 0 ]
