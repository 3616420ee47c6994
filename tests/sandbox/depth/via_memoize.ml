// §8 re-entrant recursion through a function made by functional.memoize
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: done
import functional;
m = null;
m = functional.memoize(fn(n) => n == 0 ? 0 : m(n - 1) + 1);
try { print(m(1000000)); } except (e) { print(e.type); }
print("done");
