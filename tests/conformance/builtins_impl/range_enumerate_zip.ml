// §11.4 range, enumerate and zip: defaults, null arguments, big ints and laziness
print(range(0), range(-3), range(3, 3), range(1, 10, 3), range(10, 1, -4), range(2, 5, null)); // expect: [] [] [] [1, 4, 7] [10, 6, 2] [2, 3, 4]
print(range(-2, 2), range(5, -5, -3), range(0, 1, 100)); // expect: [-2, -1, 0, 1] [5, 2, -1, -4] [0]
big = int("9223372036854775806");
print(range(big, big + 3)); // expect: [9223372036854775806, 9223372036854775807, 9223372036854775808]
r = range(3);
r.append(3);
print(r, typeof(r)); // expect: [0, 1, 2, 3] array
print(enumerate([]), enumerate({a: 1, b: 2}), enumerate("xy", -1), enumerate([true], null)); // expect: [] [[0, "a"], [1, "b"]] [[-1, "x"], [0, "y"]] [[0, true]]
print(enumerate(iter(["p", "q"]), 10)); // expect: [[10, "p"], [11, "q"]]
print(zip(), zip([1, 2]), zip("abc", [1, 2, 3], {x: 0, y: 0})); // expect: [] [[1], [2]] [["a", 1, "x"], ["b", 2, "y"]]
print(zip([], [1, 2])); // expect: []
it = iter([1, 2, 3, 4]);
print(zip(it, ["a"])); // expect: [[1, "a"]]
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => range(1.0)), kind(fn() => range(true)), kind(fn() => range("3")), kind(fn() => range(null))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => range(1, 2, 0)), kind(fn() => range()), kind(fn() => range(1, 2, 3, 4))); // expect: ValueError TypeError TypeError
print(kind(fn() => enumerate(5)), kind(fn() => enumerate([], 1.5)), kind(fn() => enumerate([], true))); // expect: TypeError TypeError TypeError
print(kind(fn() => zip([1], 2)), kind(fn() => zip(null))); // expect: TypeError TypeError
