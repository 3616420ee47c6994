// §6.11 finally runs when try or except returns; the return value is evaluated before finally
function f() {
    x = 10;
    try {
        return x;
    } finally {
        x = 20;
        print("finally runs");
    }
}
print(f());
// expect: finally runs
// expect: 10
function g() {
    try {
        x = 1 / 0;
    } except (e) {
        return "from except";
    } finally {
        print("finally after except");
    }
    return "not reached";
}
print(g());
// expect: finally after except
// expect: from except
log = [];
function h() {
    try {
        return log;
    } finally {
        log.append("mutated in finally");
    }
}
print(h()); // expect: ["mutated in finally"]
