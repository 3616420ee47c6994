// §7.3 a name assigned anywhere in a function is local in the whole body
x = 5;
function f() {
    y = x;
    x = 3;
    return y;
}
try {
    f();
} except (e) {
    print(e.type, e.line);
}
// expect: NameError 4
print(x); // expect: 5
