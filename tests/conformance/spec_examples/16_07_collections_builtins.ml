for (pair in enumerate(["a", "b"])) { // §16.7 Collections builtins (the program is verbatim; line numbers are the specification's)
    [i, v] = pair;
    print(i, v, pair, typeof(pair));
}
print(zip([1, 2, 3], ["x", "y"]));
print(enumerate("hi", 1));
print(sorted([3, 1, 2]), sorted([3, 1, 2], true), sorted("bca"), reversed([1, 2, 3]));
print(sum([0.1, 0.2, 0.3]), sum([1, 2, 3]), sum([1, 2.5]), sum([[1], [2]], []));
print(min([4, 2, 8]), max(3, 7, 5), abs(-2.5), round(2.5), round(3.5), round(2.675, 2), round(15, -1));
print(range(5), range(5, 0, -2), len({a: 1, b: 2}));
it = iter([1, 2]);
print(next(it), next(it), next(it, "done"));
// expect: 0 a [0, "a"] array
// expect: 1 b [1, "b"] array
// expect: [[1, "x"], [2, "y"]]
// expect: [[1, "h"], [2, "i"]]
// expect: [1, 2, 3] [3, 2, 1] ["a", "b", "c"] [3, 2, 1]
// expect: 0.6 6 3.5 [1, 2]
// expect: 2 7 2.5 2.0 4.0 2.67 20
// expect: [0, 1, 2, 3, 4] [5, 3, 1] 2
// expect: 1 2 done
