// §7.1 §7.2 the except variable is visible only inside its clause's block
e = "outer";
try {
    x = [1, 2][5];
} except (e) {
    print(e.type, isinstance(e, "error"));
}
// expect: IndexError true
print(e); // expect: outer
try {
    x = 1 / 0;
} except (e) {
    e = "reassigned inside";
    print(e);
}
// expect: reassigned inside
print(e); // expect: outer
function f() {
    try {
        throw {message: "in f"};
    } except (err) {
        last = err;
    }
    return last.message;
}
print(f()); // expect: in f
