// §5.10 slice bounds must be ints or null, the step must not be 0, and only arrays and strings can be sliced
arr = [1, 2, 3];
o = {a: 1};
cases = [fn() => arr[::0], fn() => "abc"[1:2:0], fn() => arr[1.0:], fn() => arr[:true], fn() => arr[::"1"],
    fn() => o[0:1], fn() => (5)[0:1], fn() => null[:], fn() => "abc"[0.5:]];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: ValueError
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
