function f(s, sub) {
    i = 0;
    i = s.find(sub, i + 1);
    return i;
}
print(f("abcabc", "b"));
x = 5;
x = abs(x - 10);
print(x);
s = "ab";
s = "-".join([s, s]);
print(s);
o = {f: fn(v) => v * 2};
y = 21;
y = o.f(y);
print(y);
function g(r, k) {
    return r + k;
}
r = 1;
r = g(r, 2);
print(r);
