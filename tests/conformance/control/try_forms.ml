// §6.11 the four forms of try
try {
    print("try only");
}
// expect: try only
try {
    x = 1 / 0;
    print("not reached");
} except {
    print("caught without a variable");
}
// expect: caught without a variable
try {
    x = [][0];
} except (err) {
    print("caught", err.type);
}
// expect: caught IndexError
try {
    print("body");
} finally {
    print("finally");
}
// expect: body
// expect: finally
try {
    print("body");
} except (e) {
    print("not run");
} finally {
    print("finally after success");
}
// expect: body
// expect: finally after success
try {
    throw {message: "m"};
} except (e) {
    print("handler", e.message);
} finally {
    print("finally after handler");
}
// expect: handler m
// expect: finally after handler
