import functional;
fs = [];
s = "ab";
while (true) {
    s = s + s;
    fs.append(functional.partial(fn(a, b) => a, s));
    fs.append(functional.memoize(fn(x) => x));
}
