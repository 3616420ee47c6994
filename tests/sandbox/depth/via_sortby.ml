// §8 re-entrant recursion through the key function of collections.sortBy
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: done
import collections;
function deep(n) {
    if (n == 0) { return 0; }
    collections.sortBy([n, n + 1], fn(x) => deep(n - 1));
    return n;
}
try { print(deep(1000000)); } except (e) { print(e.type); }
print("done");
