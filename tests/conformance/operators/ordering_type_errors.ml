// §5.6 ordering booleans, null, objects, functions or different kinds raises TypeError
o = {};
cases = [fn() => 1 < "a", fn() => "a" < 1, fn() => true < 2, fn() => true < false, fn() => null < null,
    fn() => [1] < 1, fn() => o < o, fn() => print < print, fn() => [1, "a"] < [1, 2], fn() => [true] < [false],
    fn() => null >= 0, fn() => "a" <= ["a"], fn() => [[1]] < [["a"]], fn() => 1 > null];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
