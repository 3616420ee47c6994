// §2.4 §7.2 `builtin` is an ordinary identifier that can be shadowed
function show() {
    builtin = "local builtin";
    return builtin;
}
print(show(), typeof(builtin)); // expect: local builtin module
function fake() {
    builtin = {len: fn(x) => "fake"};
    return builtin.len("abc");
}
print(fake(), len("abc"), builtin.len("abc")); // expect: fake 3 3
