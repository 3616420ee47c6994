// §9.5 finally blocks run while an uncaught error propagates
function f() {
    try {
        x = {}["missing"];
    } finally {
        print("finally in f");
    }
}
try {
    f();
} finally {
    print("finally at top level");
}
// expect: finally in f
// expect: finally at top level
// expect-error: KeyError@4
