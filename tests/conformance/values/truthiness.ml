// §4.5 truthiness of every kind of value
function t(v) {
    return v ? "T" : "F";
}
print(t(false), t(null), t(0), t(0.0), t(-0.0), t(""), t([]), t({})); // expect: F F F F F F F F
print(t(true), t(1), t(-1), t(0.5), t("0"), t("false"), t(" "), t([0]), t([[]]), t({a: null})); // expect: T T T T T T T T T T
nan = float("nan");
print(t(nan), t(print), t(t), t(builtin), t(iter([])), t(1e400)); // expect: T T T T T T
try {
    x = 1 / 0;
} except (e) {
    print(t(e));
}
// expect: T
print(t(100000000000000000000), t(0 * 100000000000000000000)); // expect: T F
if ([]) {
    print("no");
} elif ({}) {
    print("no");
} elif ([0]) {
    print("elif");
}
// expect: elif
n = 3;
while (n) {
    n = n - 1;
}
print(n); // expect: 0
print(!"", ![], !{}, !0.0, !"x"); // expect: true true true true false
