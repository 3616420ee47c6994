// §11.4 all(items) and any(items) test truthiness
print(all([]), any([]), all([1, "a", [0]]), all([1, 0]), any([0, "", null, [1]]), any([0, "", null])); // expect: true false true false true false
print(any(""), all("abc"), any({a: 1}), all({"": 1}), all(iter([1, 1])), any(iter([]))); // expect: false true true false true false
try {
    all(5);
} except (e) {
    print(e.type);
}
// expect: TypeError
