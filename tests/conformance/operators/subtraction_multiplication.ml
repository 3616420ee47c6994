// §5.4 `-` and `*` on numbers, and their TypeErrors
print(5 - 3, 5 - 3.5, 2.5 - 0.5, -3 - 4, 0.3 - 0.1); // expect: 2 1.5 2.0 -7 0.19999999999999998
print(6 * 7, 1.5 * 2, 2 * 1.5, 0.1 * 3, -2 * 0.0); // expect: 42 3.0 3.0 0.30000000000000004 -0.0
o = {};
cases = [fn() => "a" - "b", fn() => [1] - [1], fn() => null - 1, fn() => true - 1, fn() => 1 - "1",
    fn() => "a" * "b", fn() => "a" * 2.0, fn() => [1] * 2.5, fn() => true * 2, fn() => o * 2,
    fn() => "a" * true, fn() => [1] * [2], fn() => null * 0, fn() => "a" * [1], fn() => 2.0 * "a"];
function set_of(items) {
    seen = [];
    for (x in items) {
        if (seen.count(x) == 0) {
            seen.append(x);
        }
    }
    return seen;
}
errors = [];
for (c in cases) {
    try {
        c();
        errors.append("none");
    } except (e) {
        errors.append(e.type);
    }
}
print(len(errors), len(set_of(errors)), errors[0]);
// expect: 15 1 TypeError
