// §5.1 §6.2 operands, arguments and assignment parts are evaluated left to right
log = [];
function v(x) {
    log.append(x);
    return x;
}
r = v(1) + v(2) * v(3);
print(r, log); // expect: 7 [1, 2, 3]
log.clear();
arr = [v("a"), v("b")];
obj = {p: v("c"), q: v("d")};
print(log); // expect: ["a", "b", "c", "d"]
log.clear();
function f(a, b) {
    return a - b;
}
r = f(v(10), v(3));
print(r, log); // expect: 7 [10, 3]
log.clear();
target = [0, 0];
function t() {
    log.append("target");
    return target;
}
function i() {
    log.append("index");
    return 1;
}
t()[i()] = v("value");
print(log, target); // expect: ["value", "target", "index"] [0, "value"]
log.clear();
o = {};
function getO() {
    log.append("object");
    return o;
}
getO().k = v("member");
print(log, o); // expect: ["member", "object"] {"k": "member"}
log.clear();
n = 5;
try {
    n[v(0)] = v("x");
} except (e) {
    print(e.type, log);
}
// expect: TypeError ["x", 0]
log.clear();
s = [1, 2, 3, 4];
function src() {
    log.append("source");
    return [9];
}
function sa() {
    log.append("array");
    return s;
}
sa()[v(1):v(3)] = src();
print(log, s); // expect: ["source", "array", 1, 3] [1, 9, 4]
log.clear();
d = {a: v(1), a: v(2)};
print(d, log); // expect: {"a": 2} [1, 2]
