// §7.2 §6.12 functions nested in an except block see the exception variable as an enclosing binding
try {
    throw {message: "captured"};
} except (e) {
    get = fn() => e;
    function change() {
        nonlocal e;
        e = "changed";
    }
    print(get()); // expect: captured
    change();
    print(e, get()); // expect: changed changed
}
print(get()); // expect: changed
