// §8 re-entry alternating several natives (reduce, filter, sortBy, call)
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: done
import functional;
import collections;
function f(n) {
    if (n == 0) { return 0; }
    k = n % 4;
    if (k == 0) { return functional.reduce(fn(acc, x) => f(x), [n - 1], 0); }
    if (k == 1) { return len(collections.filter([n - 1], fn(x) => f(x) >= 0)); }
    if (k == 2) { return len(collections.sortBy([n - 1], f)); }
    return call(f, n - 1);
}
try { print(f(1000000)); } except (e) { print(e.type); }
print("done");
