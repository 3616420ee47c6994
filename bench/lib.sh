# Shared by the callgrind scripts (sourced, not run): where the mlpy binary is, and
# valgrind installed when missing. Expects ROOT (the repository) to be set.

# Prints the binary to measure: $1 when given, else target/release/mlpy (honouring
# CARGO_TARGET_DIR), built first if missing. Exits 2 if it is not an executable.
mlpy_binary() {
    local binary
    if [[ $# -ge 1 && -n "$1" ]]; then
        binary=$1
    else
        local target_dir=${CARGO_TARGET_DIR:-$ROOT/target}
        [[ "$target_dir" = /* ]] || target_dir="$ROOT/$target_dir"
        binary="$target_dir/release/mlpy"
        if [[ ! -x "$binary" ]]; then
            echo "building mlpy (cargo build --release -p mlpy_cli)" >&2
            (cd "$ROOT" && cargo build --release -p mlpy_cli) >&2
        fi
    fi
    if [[ ! -x "$binary" ]]; then
        echo "$(basename "$0"): not an executable: $binary" >&2
        exit 2
    fi
    echo "$binary"
}

# Installs valgrind with apt-get when it is not on the PATH.
ensure_valgrind() {
    if ! command -v valgrind >/dev/null 2>&1; then
        echo "installing valgrind" >&2
        local sudo=()
        [[ $(id -u) -eq 0 ]] || sudo=(sudo)
        "${sudo[@]}" apt-get update >&2
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y valgrind >&2
    fi
}
