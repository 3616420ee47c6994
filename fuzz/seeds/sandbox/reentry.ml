import collections;
import functional;
function f(n) { return n == 0 ? 0 : call(f, n - 1) + 1; }
try { f(100000); } except (e) { print(e.type); }
m = null;
m = functional.memoize(fn(n) => n == 0 ? 0 : m(n - 1) + 1);
try { m(100000); } except (e) { print(e.type); }
function d(n) { if (n == 0) { return 0; } collections.sortBy([n], fn(x) => d(n - 1)); return n; }
try { d(100000); } except (e) { print(e.type); }
