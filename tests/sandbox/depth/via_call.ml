// §8 re-entrant recursion through `call` under --max-depth 400000: a RecursionError (depth capped or reached), never a Rust stack overflow
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: done
function f(n) {
    if (n == 0) { return 0; }
    return call(f, n - 1) + 1;
}
try { print(f(1000000)); } except (e) { print(e.type); }
print("done");
