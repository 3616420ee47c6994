// §11.6 min and max over arguments or over one array argument
print(min([4, 2, 8]), max(3, 7, 5), min(42), min("abc"), max("abc", "abd"), max([5])); // expect: 2 7 42 abc abd 5
print(min([1, 1.0]), min([1.0, 1]), max([2, 2.0]), max(2.0, 2), min(3, 1.5)); // expect: 1 1.0 2 2.0 1.5
print(min([[1, 2], [1]]), min([3], [2]), max("a", "B"), max([-1e400, -5])); // expect: [1] [2] a -5
cases = [fn() => max([]), fn() => min(), fn() => min([1, "a"]), fn() => max(1, "a"), fn() => max([null, null])];
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
