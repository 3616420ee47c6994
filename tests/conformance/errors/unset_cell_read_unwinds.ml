// §9.3 §7.4 reading a captured variable before it has a value raises NameError, and the error unwinds the frame that owns the variable's cell (regression: the cell was freed while still borrowed)
function f() {
    print(x);
    x = 1;
    g = fn() => x;
}
try {
    f();
} except (e) {
    print(e.type); // expect: NameError
}
function h() {
    y = y + 1;
    k = fn() => y;
    return k;
}
for (i in range(3)) {
    try {
        h();
    } except (e) {
        print(e.type, e.line); // expect: NameError 13
        // expect: NameError 13
        // expect: NameError 13
    }
}
function outer() {
    inner = fn() => z;
    r = inner();
    z = 2;
    return r;
}
try {
    outer();
} except (e) {
    print(e.type); // expect: NameError
}
function last() {
    print(w);
    w = 1;
    return fn() => w;
}
last();
// expect-error: NameError@38
