// §11.4 enumerate(items[, start]) and zip(a, b, ...)
print(enumerate(["a", "b"]), enumerate("hi", 1), enumerate({x: 1}), enumerate([])); // expect: [[0, "a"], [1, "b"]] [[1, "h"], [2, "i"]] [[0, "x"]] []
print(enumerate(["a"], -5), enumerate(iter([7])), enumerate([1], null)); // expect: [[-5, "a"]] [[0, 7]] [[0, 1]]
print(zip([1, 2, 3], "ab"), zip(), zip([1]), zip([1, 2], [3, 4], [5, 6])); // expect: [[1, "a"], [2, "b"]] [] [[1]] [[1, 3, 5], [2, 4, 6]]
print(zip({a: 1, b: 2}, [1]), zip([], [1]), zip(iter([1, 2]), "xyz")); // expect: [["a", 1]] [] [[1, "x"], [2, "y"]]
cases = [fn() => enumerate(5), fn() => enumerate([1], 1.5), fn() => zip(5), fn() => zip([1], null)];
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
