// §10.1 join(items) over any iterable of strings
print("-".join(["a", "b"]), ", ".join("abc"), repr("".join([])), "x".join(["only"])); // expect: a-b a, b, c "" only
print("+".join({k: 1, j: 2}), "".join(iter(["p", "q"])), "é".join(["a", "b"])); // expect: k+j pq aéb
try {
    ",".join(["a", 1]);
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    ",".join(5);
} except (e) {
    print(e.type);
}
// expect: TypeError
