// §10.2 §5.11 array method errors: missing items, empty arrays, argument kinds and counts
a = [1, 2, 3];
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => a.length()), kind(fn() => a.push(1)), kind(fn() => a.map(print)), kind(fn() => a.upper())); // expect: AttributeError AttributeError AttributeError AttributeError
print(kind(fn() => a.remove(9)), kind(fn() => a.remove("1")), kind(fn() => a.index(9)), kind(fn() => a.index(1, 1))); // expect: ValueError ValueError ValueError ValueError
print(kind(fn() => [].pop()), kind(fn() => a.pop(3)), kind(fn() => a.pop(-4)), kind(fn() => a.pop(1.0)), kind(fn() => a.pop(true))); // expect: IndexError IndexError IndexError TypeError TypeError
print(kind(fn() => a.append()), kind(fn() => a.append(1, 2)), kind(fn() => a.extend(1)), kind(fn() => a.extend(null))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => a.insert(0)), kind(fn() => a.insert("0", 1)), kind(fn() => a.insert(null, 1)), kind(fn() => a.count())); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => a.sort(null)), kind(fn() => a.sort(fn(x) => x)), kind(fn() => a.reverse(1)), kind(fn() => a.clear(1)), kind(fn() => a.copy(1))); // expect: TypeError TypeError TypeError TypeError TypeError
print(kind(fn() => a.index(1, "0")), kind(fn() => a.index()), kind(fn() => [1, "a", 2].sort())); // expect: TypeError TypeError TypeError
print(a); // expect: [1, 2, 3]
try {
    [1, 2].pop(5);
} except (e) {
    print(e.message.find("5") >= 0, e.message.find("2") >= 0);
}
// expect: true true
try {
    [1].remove("x");
} except (e) {
    print(e.message.find("\"x\"") >= 0);
}
// expect: true
b = [];
b.pop();
// expect-error: IndexError@32
