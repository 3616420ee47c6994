#!/usr/bin/env bash
# Builds the fuzzers' starting corpora, fuzz/corpus/TARGET/ (not committed), from the
# conformance suite (tests/conformance/**/*.ml), the committed minimised corpora
# (fuzz/seeds/TARGET/) and the bugs' reproducers (fuzz/regressions/TARGET/); the parse
# target also gets the parser's fixtures, and the sandbox target the hostile programs of
# tests/sandbox (their `// args:` lines give the grants). Files already in a corpus are kept.
#
#   scripts/fuzz-seed.sh [TARGET...]
#       (default: parse compile cache_decode run sandbox profile_json; profile_json starts
#       from its seeds only, saved JSON profiles, not from ML programs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse compile cache_decode run sandbox profile_json)
for target in "${targets[@]}"; do
    out="$root/fuzz/corpus/$target"
    mkdir -p "$out"
    # One file per program, named after its path (tests/conformance/a/b.ml -> a__b.ml).
    [ "$target" = profile_json ] || while IFS= read -r -d '' f; do
        rel="${f#"$root"/tests/conformance/}"
        cp "$f" "$out/conformance__${rel//\//__}"
    done < <(find "$root/tests/conformance" -name '*.ml' -print0)
    if [ "$target" = parse ]; then
        while IFS= read -r -d '' f; do
            rel="${f#"$root"/crates/mlpy_syntax/test_data/}"
            cp "$f" "$out/syntax__${rel//\//__}"
        done < <(find "$root/crates/mlpy_syntax/test_data" -name '*.ml' -print0)
    fi
    if [ "$target" = sandbox ]; then
        while IFS= read -r -d '' f; do
            rel="${f#"$root"/tests/sandbox/}"
            cp "$f" "$out/sandbox__${rel//\//__}"
        done < <(find "$root/tests/sandbox" -name '*.ml' -print0)
    fi
    for dir in "$root/fuzz/seeds/$target" "$root/fuzz/regressions/$target"; do
        [ -d "$dir" ] || continue
        find "$dir" -type f ! -name README.md -exec cp {} "$out/" \;
    done
    echo "fuzz/corpus/$target: $(find "$out" -type f | wc -l) files"
done
