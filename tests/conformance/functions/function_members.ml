// §8 functions have no members
function f() {
    return 1;
}
try {
    x = f.name;
} except (e) {
    print(e.type);
}
// expect: AttributeError
try {
    f.x = 1;
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    print.call(1);
} except (e) {
    print(e.type);
}
// expect: AttributeError
print(hasattr(f, "name"), getattr(f, "name", "default")); // expect: false default
