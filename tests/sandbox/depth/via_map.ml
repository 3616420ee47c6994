// §8 re-entrant recursion through the callback of collections.map
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: done
import collections;
function f(n) {
    if (n == 0) { return [0]; }
    return collections.map([n - 1], f);
}
try { print(len(f(1000000))); } except (e) { print(e.type); }
print("done");
