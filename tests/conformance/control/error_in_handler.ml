// §6.11 an error raised inside a handler propagates after the finally block has run
try {
    try {
        x = 1 / 0;
    } except (e) {
        print("handling", e.type);
        y = [][0];
    } finally {
        print("inner finally");
    }
} except (outer) {
    print("outer caught", outer.type);
}
// expect: handling ZeroDivisionError
// expect: inner finally
// expect: outer caught IndexError
try {
    try {
        throw {message: "first"};
    } finally {
        print("finally while propagating");
    }
} except (e) {
    print(e.message);
}
// expect: finally while propagating
// expect: first
