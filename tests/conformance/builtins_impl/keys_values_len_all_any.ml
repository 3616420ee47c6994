// §11.4 len, keys, values, all and any
o = {b: 1, a: [2]};
o[3] = null;
o[true] = "t";
print(len(o), keys(o), values(o), len("héllo"), len([]), len([[1, 2]])); // expect: 4 ["b", "a", 3, true] [1, [2], null, "t"] 5 0 1
k = keys(o);
k.append("new");
print(len(o), keys({}), values({})); // expect: 4 [] []
try {
    x = 1 / 0;
} except (e) {
    print(len(e), keys(e), values(e)[1]); // expect: 3 ["message", "type", "line"] ZeroDivisionError
}
print(all([]), any([]), all([1, "x", [0]]), all([1, 0]), any([0, "", null, 0.1]), any([false, {}])); // expect: true false true false true false
print(all("abc"), any(""), all({a: 1}), any({}), all(iter([1, 1])), any(iter([0]))); // expect: true false true false true false
print(all(iter([1, 0, 2])), any(iter([0, 5, 6]))); // expect: false true
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => len(5)), kind(fn() => len(null)), kind(fn() => len(iter([]))), kind(fn() => len(print))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => keys([])), kind(fn() => keys("ab")), kind(fn() => values(null)), kind(fn() => values(builtin))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => all(5)), kind(fn() => any(null)), kind(fn() => all(true))); // expect: TypeError TypeError TypeError
