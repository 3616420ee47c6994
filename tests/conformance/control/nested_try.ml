// §6.11 nested try statements and errors from called functions
function inner() {
    try {
        throw {message: "deep", level: 1};
    } finally {
        print("inner finally");
    }
}
function middle() {
    try {
        inner();
    } except (e) {
        print("middle caught", e.message);
        throw {message: "rethrown", cause: e.message};
    }
}
try {
    middle();
} except (e) {
    print("top caught", e.message, e.cause);
}
// expect: inner finally
// expect: middle caught deep
// expect: top caught rethrown deep
results = [];
for (v in [1, 0, "x", 2]) {
    try {
        results.append(10 / v);
    } except (e) {
        results.append(e.type);
    }
}
print(results); // expect: [10.0, "ZeroDivisionError", "TypeError", 5.0]
