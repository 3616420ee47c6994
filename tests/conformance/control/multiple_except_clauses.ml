// §6.11 the first except clause handles every error; later clauses never run
try {
    x = 1 / 0;
} except (first) {
    print("first", first.type);
} except (second) {
    print("second");
}
// expect: first ZeroDivisionError
try {
    throw {message: "x"};
} except {
    print("nameless first");
} except (e) {
    print("never");
}
// expect: nameless first
