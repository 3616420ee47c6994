// §5.11 reading a missing key with member syntax gives null; indexing raises KeyError
o = {a: 1};
print(o.b, o.a, {}.anything, typeof(o.zzz)); // expect: null 1 null null
o.b = null;
print(o.b, len(o), keys(o)); // expect: null 2 ["a", "b"]
try {
    x = o["c"];
} except (e) {
    print(e.type);
}
// expect: KeyError
print(o.c == null, o["b"] == null); // expect: true true
