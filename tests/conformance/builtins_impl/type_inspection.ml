// §4.6 §11.3 typeof, isinstance and callable for every kind of value
it = iter([1]);
function named() {
    return 1;
}
values_ = [null, true, 1, 1.5, "s", [], {}, named, fn() => 1, print, "s".upper, builtin, it];
kinds = [];
for (v in values_) {
    kinds.append(typeof(v));
}
print(kinds); // expect: ["null", "boolean", "number", "number", "string", "array", "object", "function", "function", "function", "function", "module", "object"]
flags = [];
for (v in values_) {
    flags.append(callable(v));
}
print(flags); // expect: [false, false, false, false, false, false, false, true, true, true, true, false, false]
print(isinstance(3, "int"), isinstance(3, "float"), isinstance(3.0, "float"), isinstance(3.0, "number")); // expect: true false true true
print(isinstance(int("99999999999999999999"), "int"), isinstance(true, "int"), isinstance(true, "boolean")); // expect: true false true
print(isinstance(it, "Iterator"), isinstance(it, "object"), isinstance({}, "Iterator"), isinstance(it, "iterator")); // expect: true true false false
print(isinstance(builtin, "module"), isinstance(print, "function"), isinstance(null, "null"), isinstance([], "list")); // expect: true true true false
try {
    x = 1 / 0;
} except (e) {
    print(isinstance(e, "error"), isinstance(e, "object"), isinstance({message: "m"}, "error")); // expect: true true false
}
try {
    isinstance(1, null);
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    callable();
} except (e) {
    print(e.type);
}
// expect: TypeError
