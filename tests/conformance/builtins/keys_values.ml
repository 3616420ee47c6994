// §11.4 keys(obj) and values(obj)
o = {b: 1, a: [2]};
o[3] = null;
print(keys(o), values(o), keys({}), values({})); // expect: ["b", "a", 3] [1, [2], null] [] []
try {
    throw {message: "m", code: 5};
} except (e) {
    print(keys(e), values(e)); // expect: ["message", "type", "line", "code"] ["m", "UserError", 6, 5]
}
cases = [fn() => keys([1]), fn() => values("s"), fn() => keys(null), fn() => values(5), fn() => keys(builtin)];
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
