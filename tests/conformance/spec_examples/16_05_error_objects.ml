function risky(n) { // §16.5 Error objects (the program is verbatim; line numbers are the specification's)
    if (n < 0) {
        throw {message: "negative input", code: 7};
    }
    return 10 / n;
}
try {
    risky(-1);
} except (e) {
    print(e.type, e.message, e.code, e.line);
    print(e);
    print(keys(e));
}
try {
    risky(0);
} except (err) {
    print(err.type, err.line, typeof(err.message));
}
e = "outer";
try {
    x = [1, 2][5];
} except (e) {
    print(e.type, isinstance(e, "error"));
}
print(e);
try {
    y = true + 1;
} except {
    print("caught");
}
// expect: UserError negative input 7 3
// expect: negative input
// expect: ["message", "type", "line", "code"]
// expect: ZeroDivisionError 5 string
// expect: IndexError true
// expect: outer
// expect: caught
