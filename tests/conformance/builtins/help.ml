// §11.10 help(v) returns a description string (its text is implementation-defined) and prints nothing
function area(w, h) {
    return w * h;
}
values_to_describe = [print, len, area, fn(x) => x, builtin, "s".upper];
for (v in values_to_describe) {
    h = help(v);
    print(typeof(h), len(h) > 0);
}
// expect: string true
// expect: string true
// expect: string true
// expect: string true
// expect: string true
// expect: string true
