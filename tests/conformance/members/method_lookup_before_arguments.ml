// §5.11 a method call looks the member up before it evaluates the arguments
function t(x) {
    print("arg", x);
    return x;
}
o = {f: fn(x) => x + 1, g: 5};
try {
    o.h(t(1));
} except (e) {
    print(e.type); // expect: AttributeError
}
try {
    o.g(t(2)); // expect: arg 2
} except (e) {
    print(e.type); // expect: TypeError
}
try {
    "s".nosuch(t(3));
} except (e) {
    print(e.type); // expect: AttributeError
}
try {
    [1].push(t(4));
} except (e) {
    print(e.type); // expect: AttributeError
}
n = 5;
try {
    n.x(t(5));
} except (e) {
    print(e.type); // expect: AttributeError
}
f = fn(x) => x;
try {
    f.call(t(6));
} except (e) {
    print(e.type); // expect: AttributeError
}
// The value looked up is the one called, even if the arguments replace it.
function swap() {
    o.f = fn(x) => x * 100;
    return 2;
}
print(o.f(swap())); // expect: 3
print(o.f(swap())); // expect: 200
print("abc".replace(t("b"), t("x"))); // expect: arg b
// expect: arg x
// expect: axc
// `append` too, whatever the receiver.
log = [];
p = {append: fn(v) => {
    log.append(v * 2);
    return "called";
}};
print(p.append(t(21)), log); // expect: arg 21
// expect: called [42]
try {
    "s".append(t(7));
} except (e) {
    print(e.type); // expect: AttributeError
}
try {
    {}.append(t(8));
} except (e) {
    print(e.type); // expect: AttributeError
}
try {
    f.append(t(9));
} except (e) {
    print(e.type); // expect: AttributeError
}
q = {append: 7};
try {
    q.append(t(10)); // expect: arg 10
} except (e) {
    print(e.type); // expect: TypeError
}
// Arguments that evaluate quietly (literals, assigned locals) take the same path: a
// function is not callable as a receiver's method, and an object's function is.
g = fn(x) => x * 2;
try {
    g.foo(1);
} except (e) {
    print(e.type); // expect: AttributeError
}
k = 4;
try {
    g.append(k);
} except (e) {
    print(e.type); // expect: AttributeError
}
try {
    "s".foo("x", k);
} except (e) {
    print(e.type); // expect: AttributeError
}
h = {twice: g};
print(h.twice(k)); // expect: 8
print([1].count(1), "ab".find("b", 0)); // expect: 1 1
