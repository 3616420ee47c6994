// §11.5 sum: the int phase, the compensated float phase and the generic phase
print(sum([]), sum([], 5), sum([], 2.5), sum([1, 2, 3]), sum([1, 2, 3], null)); // expect: 0 5 2.5 6 6
print(sum([0.1, 0.2, 0.3]), sum([0.1] * 10), sum([1e100, 1.0, -1e100])); // expect: 0.6 1.0 1.0
print(sum([1, 2.5, 3, 4.5]), sum([1, 2, 3], 0.5), sum([0.5, 1, 2])); // expect: 11.0 6.5 3.5
big = int("9223372036854775807");
print(sum([big, 1]), sum([big, 1, -1]), sum([big, big, big]) == big * 3); // expect: 9223372036854775808 9223372036854775807 true
print(sum([[1], [2, 3]], []), sum([[]], [0])); // expect: [1, 2, 3] [0]
print(sum(iter([1, 2])), sum({}), sum([float("inf"), 1.0]), sum([float("inf"), -float("inf")])); // expect: 3 0 inf nan
print(sum([1.5, big * 4, 0.5])); // expect: 3.6893488147419103e+19
print(sum([-0.0]), sum([-0.0], -0.0)); // expect: 0.0 -0.0
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => sum(["a", "b"])), kind(fn() => sum([], "")), kind(fn() => sum([1], "x"))); // expect: TypeError TypeError TypeError
print(kind(fn() => sum([true])), kind(fn() => sum([1, null])), kind(fn() => sum(5)), kind(fn() => sum([[1]]))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => sum([1.5, "a"])), kind(fn() => sum([[1], "a"], []))); // expect: TypeError TypeError
print(kind(fn() => sum()), kind(fn() => sum([], 0, 1))); // expect: TypeError TypeError
