// §12.4 collections: pure array functions, callbacks, and their errors
import collections as c;
lst = [3, 1, 2];
print(c.length(lst), c.append(lst, 4), c.prepend(lst, 0), c.concat(lst, [9]), lst); // expect: 3 [3, 1, 2, 4] [0, 3, 1, 2] [3, 1, 2, 9] [3, 1, 2]
print(c.get(lst, 0), c.get(lst, -1), c.get(lst, 3), c.get(lst, -4), c.first(lst), c.last(lst), c.first([]), c.last([])); // expect: 3 2 null null 3 2 null null
print(c.slice(lst, 1), c.slice(lst, 0, 2), c.slice(lst, -2, null), c.take(lst, 2), c.drop(lst, 1), c.take(lst, 10), c.drop(lst, -1)); // expect: [1, 2] [3, 1] [1, 2] [3, 1] [1, 2] [3, 1, 2] [2]
print(c.reverse(lst), c.contains(lst, 2), c.contains(lst, 2.0), c.contains([[1]], [1]), c.indexOf(lst, 1), c.index_of(lst, 7)); // expect: [2, 1, 3] true true true 1 -1
print(c.filter(lst, fn(x) => x > 1), c.map(lst, fn(x) => x * 10), c.find(lst, fn(x) => x < 3), c.find(lst, fn(x) => x > 5)); // expect: [3, 2] [30, 10, 20] 1 null
print(c.reduce(lst, fn(acc, x) => acc + x, 0), c.reduce([], fn(acc, x) => acc + x, "none")); // expect: 6 none
print(c.removeAt(lst, 0), c.remove_at(lst, 2), c.isEmpty([]), c.is_empty(lst)); // expect: [1, 2] [3, 1] true false
print(c.unique([1, 2, 1, 1.0, "a", "a", [1], [1]]), c.flatten([1, [2, [3]], [], 4])); // expect: [1, 2, "a", [1]] [1, 2, [3], 4]
print(c.zip([1, 2, 3], ["a", "b"]), c.sort(lst), c.sort(lst, true), lst); // expect: [[1, "a"], [2, "b"]] [1, 2, 3] [3, 2, 1] [3, 1, 2]
words = ["bb", "a", "ccc", "dd"];
print(c.sortBy(words, fn(w) => len(w)), c.sortBy(words, fn(w) => len(w), true)); // expect: ["a", "bb", "dd", "ccc"] ["ccc", "bb", "dd", "a"]
print(c.chunk([1, 2, 3, 4, 5], 2), c.chunk([], 3), c.every(lst, fn(x) => x > 0), c.some(lst, fn(x) => x > 2), c.every([], fn(x) => false), c.some([], fn(x) => true)); // expect: [[1, 2], [3, 4], [5]] [] true true true false
calls = [];
c.map([1, 2], fn(x) => calls.append(x));
print(calls); // expect: [1, 2]
cases = [
    fn() => c.length("abc"),
    fn() => c.removeAt(lst, 3),
    fn() => c.removeAt(lst, -1),
    fn() => c.chunk(lst, 0),
    fn() => c.sort([1, "a"]),
    fn() => c.map(lst, 5),
    fn() => c.get(lst, "0"),
    fn() => c.filter(lst, fn(x) => x.missing)
];
for (f in cases) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: IndexError
// expect: IndexError
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: AttributeError
