// §11.5 sum(items[, start]): the examples of the specification
print(sum([0.1, 0.2, 0.3]), sum([1, 2.5, 3, 4.5]), sum([1, 2, 3], 0.5), sum([]), sum([[1], [2]], [])); // expect: 0.6 11.0 6.5 0 [1, 2]
print(sum([1, 2, 3]), sum(range(101)), sum([1, 2.5]), sum({}), sum([1, 2], null)); // expect: 6 5050 3.5 0 3
cases = [fn() => sum(["a", "b"]), fn() => sum([true]), fn() => sum([1, "a"]), fn() => sum(["a"], ""), fn() => sum([1], "s"),
    fn() => sum("abc"), fn() => sum([[1], [2]]), fn() => sum(5), fn() => sum([null])];
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
