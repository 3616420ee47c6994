function f(s, sub) {
    i = 0;
    i = s.find(sub, i + 1);
    return i;
}
o = {g: fn(v) => v * 2};
x = 3;
x = o.g(x);
s = "ab";
s = "-".join([s, s]);
a = [];
a.append(x);
print(f("abcabc", "b"), x, s, len(a));
