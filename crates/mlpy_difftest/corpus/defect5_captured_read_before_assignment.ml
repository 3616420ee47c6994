// Reading a captured local before it has a value, inside `try` (a use-after-free in
// `Vm::raise` under AddressSanitizer).
function f() {
    print(x);
    x = 1;
    g = fn() => x;
}
try {
    f();
} except (e) {
    print(e.type);
}
print("after");
