// §7.1 §11.1 the prelude module `builtin` holds every builtin function
print(builtin, typeof(builtin), builtin.len("abcd"), builtin.abs(-3)); // expect: <module builtin> module 4 3
print(len(methods(builtin)), hasattr(builtin, "print"), hasattr(builtin, "nosuch")); // expect: 46 true false
f = builtin.print;
f("via builtin.print"); // expect: via builtin.print
print(call(builtin.abs, -5), builtin.sorted([3, 1, 2])); // expect: 5 [1, 2, 3]
try {
    x = builtin.nosuch;
} except (e) {
    print(e.type);
}
// expect: AttributeError
try {
    builtin.len = 5;
} except (e) {
    print(e.type);
}
// expect: TypeError
print(builtin.len("still builtin")); // expect: 13
