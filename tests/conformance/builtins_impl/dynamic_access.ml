// §11.9 §11.10 hasattr, getattr, call, methods and help
o = {a: 1, f: fn(x) => x * 2, n: null};
o[1] = "one";
print(hasattr(o, "a"), hasattr(o, "n"), hasattr(o, "zz"), hasattr(o, "1"), hasattr(o, "length")); // expect: true true false false false
print(hasattr("s", "length"), hasattr("s", "upper"), hasattr("s", "append"), hasattr([], "append"), hasattr([], "keys")); // expect: true true false true false
print(hasattr(5, "real"), hasattr(null, "x"), hasattr(print, "name"), hasattr(builtin, "len"), hasattr(builtin, "nope")); // expect: false false false true false
print(getattr(o, "a"), getattr(o, "zz"), getattr(o, "zz", 0), getattr(o, "n", 0), getattr("abc", "length")); // expect: 1 null 0 null 3
up = getattr("abc", "upper");
print(up(), typeof(up), getattr([1], "pop", "none"), getattr(5, "x", "dflt")); // expect: ABC function <function pop> dflt
l = getattr(builtin, "len");
f = getattr(o, "f");
print(l("four"), f(4)); // expect: 4 8
print(call(fn(a, b) => a - b, 10, 3), call(builtin.abs, -5), call(print), call("x".upper)); // expect:
// expect: 7 5 null X
print(call(fn() => "no args")); // expect: no args
print(methods([]) == ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]); // expect: true
print(len(methods("")), methods("")[0], methods(5), methods(null), methods(print)); // expect: 29 capitalize [] [] []
m = {z: print, a: fn() => 1, v: 3};
m[2] = print;
print(methods(m), methods({})); // expect: ["a", "z"] []
print(methods(builtin) == sorted(methods(builtin)), len(methods(builtin))); // expect: true 46
print(typeof(help(len)), help(len).find("len") >= 0, typeof(help(5)), typeof(help(builtin)), typeof(help(fn(x) => x))); // expect: string true string string string
function greet(name, greeting) {
    return greeting + name;
}
h = help(greet);
print(h.find("greet") >= 0, h.find("name") >= 0, h.find("greeting") >= 0); // expect: true true true
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => hasattr(o, 1)), kind(fn() => getattr(o, null)), kind(fn() => hasattr(o)), kind(fn() => getattr(o, "a", 1, 2))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => call()), kind(fn() => call(5)), kind(fn() => call(fn(x) => x)), kind(fn() => call(fn() => 1, 2))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => call(fn() => [][0]))); // expect: IndexError
print(kind(fn() => help()), kind(fn() => methods()), kind(fn() => methods(1, 2))); // expect: TypeError TypeError TypeError
