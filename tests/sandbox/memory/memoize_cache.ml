// §1.4 the cache of a memoized function grows with every new argument and counts toward the limit
// args: --max-memory 64M --timeout 10
// exit: 75
import functional;
m = functional.memoize(fn(x) => [x, x, x, x]);
i = 0;
while (true) { m(i); i = i + 1; }
