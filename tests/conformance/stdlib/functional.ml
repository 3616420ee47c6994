// §12.5 functional: combinators that make functions, and function-first item helpers
import functional as F;
inc = fn(x) => x + 1;
dbl = fn(x) => x * 2;
c1 = F.compose(inc, dbl);
p1 = F.pipe(inc, dbl);
c2 = F.composeAll([inc, dbl, inc]);
p2 = F.pipeAll([inc, dbl, inc]);
print(c1(5), p1(5), c2(1), p2(1)); // expect: 11 12 5 5
none = F.compose();
sum2 = F.pipe(fn(a, b) => a + b, dbl);
print(none(7), sum2(2, 3), c1); // expect: 7 10 <function anonymous>
function add3(a, b, c) {
    return a + b + c;
}
c3 = F.curry(add3);
a1 = c3(1);
a12 = a1(2);
b12 = c3(1, 2);
minus = F.curry(fn(a, b) => a - b);
m10 = minus(10);
print(a12(3), b12(3), a1(2, 3), c3(1, 2, 3), m10(4)); // expect: 6 6 6 6 6
cm = F.curry(max, 2);
cm3 = cm(3);
c2p = F.curry2(fn(a, b) => [a, b]);
c2p1 = c2p(1);
print(cm3(9), c2p1(2)); // expect: 9 [1, 2]
p12 = F.partial(add3, 1, 2);
p1b = F.partial_apply(add3, 1);
k42 = F.constant(42);
print(p12(3), p1b(2, 3), F.identity("x"), k42(), call(k42)); // expect: 6 6 x 42 42
calls = 0;
function slow(n) {
    nonlocal calls;
    calls = calls + 1;
    return n * n;
}
fast = F.memoize(slow);
print(fast(4), fast(4), fast(5), fast(4), calls); // expect: 16 16 25 16 2
pair = F.memoize(fn(a, b) => a + b);
print(pair(1, 2), pair(2, 1), pair("a", "b"), pair(1, 2)); // expect: 3 3 ab 3
print(F.map(dbl, [1, 2, 3]), F.map(dbl, range(3)), F.filter(fn(x) => x % 2 == 1, [1, 2, 3, 4, 5])); // expect: [2, 4, 6] [0, 2, 4] [1, 3, 5]
print(F.reduce(fn(a, b) => a + b, [1, 2, 3]), F.reduce(fn(a, b) => a + b, [1, 2, 3], 10), F.reduce(fn(a, b) => [a, b], [1], null)); // expect: 6 16 [null, 1]
seen = [];
print(F.forEach(fn(x) => seen.append(x), "ab"), F.for_each(fn(x) => seen.append(x), [3]), seen); // expect: null null ["a", "b", 3]
print(F.find(fn(x) => x > 1, [1, 2, 3]), F.find(fn(x) => x > 5, [1]), F.some(fn(x) => x > 2, [1, 3]), F.every(fn(x) => x > 2, [1, 3])); // expect: 2 null true false
print(F.zip([1, 2], "ab", [true, false, null]), F.range(3), F.range(1, 7, 2), F.repeat("x", 3), F.repeat([], 0)); // expect: [[1, "a", true], [2, "b", false]] [0, 1, 2] [1, 3, 5] ["x", "x", "x"] []
print(F.take(2, [1, 2, 3]), F.drop(2, [1, 2, 3]), F.take(9, "ab"), F.flatten([1, [2, [3]]]), F.chunk(2, range(5))); // expect: [1, 2] [3] ["a", "b"] [1, 2, [3]] [[0, 1], [2, 3], [4]]
print(F.groupBy(fn(w) => len(w), ["a", "bb", "c", "dd", "eee"]), F.group_by(fn(x) => x % 2 == 0, [1, 2, 3])); // expect: {1: ["a", "c"], 2: ["bb", "dd"], 3: ["eee"]} {false: [1, 3], true: [2]}
print(F.unique([1, 2, 1, 1.0, "a", "a"]), F.reverse("abc"), F.partition(fn(x) => x > 1, [1, 2, 3])); // expect: [1, 2, "a"] ["c", "b", "a"] [[2, 3], [1]]
sign = F.ifElse(fn(x) => x < 0, fn(x) => "neg", fn(x) => "non-neg");
kind = F.cond([[fn(x) => x == 0, fn(x) => "zero"], [fn(x) => x > 0, fn(x) => "pos"]]);
print(sign(-1), sign(3), kind(0), kind(5), kind(-5)); // expect: neg non-neg zero pos null
print(F.times(4, fn(i) => i * i), F.zipWith(fn(a, b) => a * b, [1, 2, 3], [4, 5]), F.takeWhile(fn(x) => x < 3, [1, 2, 3, 1])); // expect: [0, 1, 4, 9] [4, 10] [1, 2]
all3 = F.juxt([inc, dbl, str]);
print(all3(5)); // expect: [6, 10, "5"]
cases = [
    fn() => F.reduce(fn(a, b) => a + b, []),
    fn() => F.curry(max),
    fn() => F.compose(1),
    fn() => F.chunk(0, [1]),
    fn() => F.unique([[1]]),
    fn() => F.unique([float("nan")]),
    fn() => call(F.memoize(fn(x) => x), [1]),
    fn() => F.take(-1, [1]),
    fn() => F.repeat(1, -2),
    fn() => call(F.constant(1), 2),
    fn() => F.map(inc, 5)
];
for (c in cases) {
    try {
        c();
        print("no error");
    } except (e) {
        print(e.type);
    }
}
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: ValueError
// expect: TypeError
// expect: ValueError
// expect: TypeError
// expect: ValueError
// expect: ValueError
// expect: TypeError
// expect: TypeError
