// §5.4 `+` raises TypeError for every combination that is not numbers, strings or arrays
o = {};
f = fn(x) => x;
cases = [fn() => null + 1, fn() => true + 1, fn() => 1 + false, fn() => [1] + 1, fn() => o + o,
    fn() => [] + o, fn() => print + 1, fn() => null + null, fn() => 1.5 + [1], fn() => true + true,
    fn() => f + f, fn() => builtin + 1, fn() => 1 + null];
for (pair in enumerate(cases)) {
    [i, c] = pair;
    try {
        c();
        print(i, "no error");
    } except (e) {
        print(i, e.type);
    }
}
// expect: 0 TypeError
// expect: 1 TypeError
// expect: 2 TypeError
// expect: 3 TypeError
// expect: 4 TypeError
// expect: 5 TypeError
// expect: 6 TypeError
// expect: 7 TypeError
// expect: 8 TypeError
// expect: 9 TypeError
// expect: 10 TypeError
// expect: 11 TypeError
// expect: 12 TypeError
