// §11.9 call(f, a1, a2, ...) calls f exactly like a direct call
call(print, "a", 1); // expect: a 1
print(call(fn(x, y) => x * y, 6, 7), call(builtin.abs, -5), call("abc".upper), call(max, 1, 5, 3), call(fn() => "none")); // expect: 42 5 ABC 5 none
function greet(name) {
    return "hi " + name;
}
print(call(greet, "ada"), call(call, greet, "bob")); // expect: hi ada hi bob
cases = [fn() => call(5), fn() => call(fn(x) => x), fn() => call(), fn() => call("print", 1), fn() => call(greet, 1, 2)];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
