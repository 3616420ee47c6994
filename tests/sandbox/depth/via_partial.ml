// §8 re-entrant recursion through functions made by functional.partial
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: done
import functional;
function f(n) {
    if (n == 0) { return 0; }
    g = functional.partial(f, n - 1);
    return g() + 1;
}
try { print(f(1000000)); } except (e) { print(e.type); }
print("done");
