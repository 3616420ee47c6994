// §11.4 sorted(items[, reverse]) and reversed(items) return new arrays
a = [3, 1, 2];
print(sorted(a), sorted(a, true), a, sorted("bca"), sorted({b: 1, a: 2}), sorted([])); // expect: [1, 2, 3] [3, 2, 1] [3, 1, 2] ["a", "b", "c"] ["a", "b"] []
print(sorted([1, 1.0, 0], true), sorted([1.0, 1, 2], true), sorted([1.0, 1, 0])); // expect: [1, 1.0, 0] [2, 1.0, 1] [0, 1.0, 1]
print(sorted([[2], [1, 5], [1]]), sorted([3, 1], 0), sorted([3, 1], "yes"), sorted(iter([2, 1])), sorted(["b", "B", "a"])); // expect: [[1], [1, 5], [2]] [1, 3] [3, 1] [1, 2] ["B", "a", "b"]
print(reversed([1, 2, 3]), reversed("abc"), reversed({a: 1, b: 2}), reversed([]), a); // expect: [3, 2, 1] ["c", "b", "a"] ["b", "a"] [] [3, 1, 2]
cases = [fn() => sorted([1, "a"]), fn() => sorted(5), fn() => sorted([true, false]), fn() => reversed(iter([1])), fn() => reversed(5)];
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
