// §8 RecursionError through natives, caught and provoked again: the stack is whole after each unwind
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// stdout: RecursionError
// stdout: RecursionError
// stdout: RecursionError
// stdout: 10
function f(n) { return call(f, n + 1); }
for (i in range(3)) {
    try { f(0); } except (e) { print(e.type); }
}
function g(n) { return n == 0 ? 0 : call(g, n - 1) + 1; }
print(g(10));
