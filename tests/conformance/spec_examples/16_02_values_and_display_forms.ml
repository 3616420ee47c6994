print(true, false, null, 42, -7, 3.0, 0.1 + 0.2); // §16.2 Values and their display forms (the program is verbatim; line numbers are the specification's)
print(1e16, 1e-05, 123456789.0, 1 / 3, -0.0, 1e400);
print([1, 2.5, "x", true, null, ["y", {}]]);
print({name: "Ada", tags: ["a", "b"], ok: false, none: null});
print(typeof(null), typeof(1), typeof(1.5), typeof("s"), typeof([]), typeof({}), typeof(print), typeof(true));
print(isinstance(1, "int"), isinstance(1.0, "int"), isinstance(1.0, "float"), isinstance(2, "number"));
function greet(name) {
    return "hi " + name;
}
print(greet, fn(x) => x, print);
print(int("3.14"), int(" 42 "), float("1e3"), str(2.50), bool(""), int(-3.99));
// expect: true false null 42 -7 3.0 0.30000000000000004
// expect: 1e+16 1e-05 123456789.0 0.3333333333333333 -0.0 inf
// expect: [1, 2.5, "x", true, null, ["y", {}]]
// expect: {"name": "Ada", "tags": ["a", "b"], "ok": false, "none": null}
// expect: null number number string array object function boolean
// expect: true false true true
// expect: <function greet> <function anonymous> <function print>
// expect: 3 42 1000.0 2.5 false -3
