// §4.6 typeof and isinstance
print(typeof(null), typeof(true), typeof(1), typeof(1.5), typeof(10000000000000000000000)); // expect: null boolean number number number
print(typeof("s"), typeof([]), typeof({}), typeof(print), typeof(fn() => 1), typeof(builtin)); // expect: string array object function function module
print(typeof("s".upper), typeof(iter([])), typeof(typeof)); // expect: function object function
print(isinstance(1, "int"), isinstance(1, "float"), isinstance(1.0, "float"), isinstance(1.0, "int")); // expect: true false true false
print(isinstance(10000000000000000000000, "int"), isinstance(1e400, "float")); // expect: true true
print(isinstance(1, "number"), isinstance(1.5, "number"), isinstance(true, "number"), isinstance(true, "boolean")); // expect: true true false true
print(isinstance(null, "null"), isinstance([], "array"), isinstance({}, "object"), isinstance(print, "function")); // expect: true true true true
print(isinstance(builtin, "module"), isinstance({}, "error"), isinstance("s", "str"), isinstance(1, "Int")); // expect: true false false false
print(isinstance(iter([1]), "Iterator"), isinstance(iter([1]), "object"), isinstance([], "Iterator"), isinstance({}, "Iterator")); // expect: true true false false
print(isinstance(1, ""), isinstance("x", "string"), isinstance({type: "TypeError", message: "m", line: 1}, "error")); // expect: false true false
try {
    x = 1 / 0;
} except (e) {
    print(isinstance(e, "error"), isinstance(e, "object"), typeof(e));
}
// expect: true true object
try {
    isinstance(1, null);
} except (e) {
    print(e.type);
}
// expect: TypeError
