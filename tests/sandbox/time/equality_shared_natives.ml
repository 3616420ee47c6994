// §1.4 natives that compare items by equality (index, count, remove, collections.contains, collections.unique, sorted) on shared structures: each stops at the deadline
// args: --timeout 1
// also-with: --profile
// exit: 75
import collections;
a = [1]; b = [1];
for (i in range(80)) { a = [a, a]; b = [b, b]; }
r = [fn() => [a].index(b), fn() => [a, a].count(b), fn() => collections.contains([a], b), fn() => collections.unique([a, b]), fn() => sorted([a, b])];
k = 0;
while (true) { f = r[k % len(r)]; x = f(); k = k + 1; }
