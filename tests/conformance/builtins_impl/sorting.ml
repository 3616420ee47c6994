// §10.2 sort, §11.4 sorted and reversed: stable ascending and descending order, errors
firsts = [2, 1, 2, 1, 3];
print(sorted(firsts), sorted(firsts, true), sorted(firsts, null), sorted(firsts, "yes")); // expect: [1, 1, 2, 2, 3] [3, 2, 2, 1, 1] [1, 1, 2, 2, 3] [3, 2, 2, 1, 1]
// Equal items (1 and 1.0, 2 and 2.0) keep their original order in both directions.
mixed = [1, 1.0, 2, 0.5, 2.0, 1];
print(sorted(mixed), sorted(mixed, true)); // expect: [0.5, 1, 1.0, 1, 2, 2.0] [2, 2.0, 1, 1.0, 1, 0.5]
print(sorted(["b", "B", "a", "é", "Z"]), sorted([[2], [1, 5], [1], []])); // expect: ["B", "Z", "a", "b", "é"] [[], [1], [1, 5], [2]]
print(sorted({b: 1, a: 2}), sorted("cab"), sorted(iter([3, 1])), sorted([])); // expect: ["a", "b"] ["a", "b", "c"] [1, 3] []
print(reversed("abc"), reversed({x: 1, y: 2}), reversed([]), reversed([1, [2, 3]])); // expect: ["c", "b", "a"] ["y", "x"] [] [[2, 3], 1]
a = [5, 3, 1.5, 3.0, -1];
print(a.sort(), a); // expect: null [-1, 1.5, 3, 3.0, 5]
words = ["pear", "fig", "apple"];
words.sort();
print(words); // expect: ["apple", "fig", "pear"]
big = [];
for (i in range(100)) {
    big.append((i * 37) % 100);
}
big.sort();
print(big == range(100), big[0], big[99]); // expect: true 0 99
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => sorted([1, "a"])), kind(fn() => sorted([null, null])), kind(fn() => sorted([true, false]))); // expect: TypeError TypeError TypeError
print(kind(fn() => [1, "a"].sort()), kind(fn() => [{}, {}].sort()), kind(fn() => [3, 1].sort(true))); // expect: TypeError TypeError TypeError
print(kind(fn() => sorted(5)), kind(fn() => reversed(iter([1]))), kind(fn() => reversed(5))); // expect: TypeError TypeError TypeError
print(sorted([1]), sorted([null]), sorted([{}])); // expect: [1] [null] [{}]
nan = float("nan");
print(len(sorted([3, nan, 1, nan, 2]))); // expect: 5
