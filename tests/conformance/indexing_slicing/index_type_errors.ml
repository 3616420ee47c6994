// §5.9 array and string indexes must be ints; other kinds cannot be indexed
a = [10, 20];
cases = [fn() => a[true], fn() => a[0.0], fn() => a["0"], fn() => a[null], fn() => "ab"[false], fn() => "ab"[1.0],
    fn() => (5)[0], fn() => null[0], fn() => true[0], fn() => print[0], fn() => builtin["len"], fn() => a[[0]]];
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
