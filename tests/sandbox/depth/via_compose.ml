// §8 re-entrant recursion through functions made by functional.compose
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: done
import functional;
function f(n) {
    if (n == 0) { return 0; }
    g = functional.compose(fn(x) => x + 1, f);
    return g(n - 1);
}
try { print(f(1000000)); } except (e) { print(e.type); }
print("done");
