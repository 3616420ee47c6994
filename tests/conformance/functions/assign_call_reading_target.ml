// §6.2 an assignment evaluates its value before it stores it, also when the value is a call that reads the target
function f(s, sub) {
    i = 0;
    i = s.find(sub, i + 1);
    return i;
}
print(f("abcabc", "b")); // expect: 1
x = 5;
x = abs(x - 10);
print(x); // expect: 5
o = {f: fn(v) => v + 1};
y = 1;
y = o.f(y);
print(y); // expect: 2
print(typeof(o)); // expect: object
function g(a, b) { return a * b; }
r = 3;
r = g(r, 2);
print(r); // expect: 6
s = "ab";
s = "-".join([s, s]);
print(s); // expect: ab-ab
function concat(a, b) { return a + b; }
result = [];
for (k in range(3)) {
    result = concat(result, [k]);
}
print(result); // expect: [0, 1, 2]
function missing_key(obj) { return obj["nope"]; }
z = 1;
try {
    z = g(z, missing_key({}));
} except (e) {
    print(e.type); // expect: KeyError
}
print(z); // expect: 1
