// §11.6 min and max: one array argument or several arguments, first of equal extremes
print(min([4, 2, 8]), max([4, 2, 8]), min(3, 1, 2), max(3, 1, 2)); // expect: 2 8 1 3
print(min(42), max("abc"), min([7]), max([[1]])); // expect: 42 abc 7 [1]
print(min([1, 1.0]), min([1.0, 1]), max([2, 2.0]), max([2.0, 2])); // expect: 1 1.0 2 2.0
print(min("b", "a", "c"), max(["b", "a"], ["b", "c"]), min([[2], [1, 9]])); // expect: a ["b", "c"] [1, 9]
print(min([1, 2], [3]), max(-0.0, 0.0), min(0.0, -0.0)); // expect: [1, 2] -0.0 0.0
big = int("100000000000000000000");
print(max([1, big, 2.5]), min([big, -big])); // expect: 100000000000000000000 -100000000000000000000
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => min()), kind(fn() => max()), kind(fn() => min([])), kind(fn() => max([]))); // expect: ValueError ValueError ValueError ValueError
print(kind(fn() => min(1, "a")), kind(fn() => max([null, 1])), kind(fn() => min([true, false]))); // expect: TypeError TypeError TypeError
print(kind(fn() => min({}, {})), kind(fn() => max(1, [1]))); // expect: TypeError TypeError
print(min({}), max(null), min([null])); // expect: {} null null
