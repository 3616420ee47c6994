// §11.9 hasattr(v, name) and getattr(v, name[, default]) follow the member rules
o = {a: 1, n: null};
o[1] = "int key";
print(hasattr(o, "a"), hasattr(o, "b"), hasattr(o, "n"), hasattr(o, "1")); // expect: true false true false
print(hasattr("x", "length"), hasattr("x", "upper"), hasattr("x", "push"), hasattr([1], "append"), hasattr([1], "length"), hasattr([], "upper")); // expect: true true false true true false
print(hasattr(builtin, "len"), hasattr(builtin, "nosuch"), hasattr(5, "x"), hasattr(null, "x"), hasattr(print, "x"), hasattr(true, "x")); // expect: true false false false false false
print(hasattr(iter([]), "nosuch"), hasattr({}, "keys")); // expect: false false
up = getattr("abc", "upper");
print(up(), getattr({a: 1}, "a"), getattr({a: 1}, "b"), getattr({a: 1}, "b", "dflt"), getattr("abc", "length")); // expect: ABC 1 null dflt 3
absf = getattr(builtin, "abs");
print(absf(-1), getattr(5, "x", 0), getattr(o, "n", "d"), getattr([], "nosuch", "none")); // expect: 1 0 null none
cases = [fn() => hasattr(o, 1), fn() => getattr(o, null), fn() => hasattr(o), fn() => getattr(o)];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
