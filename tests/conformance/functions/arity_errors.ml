// §5.12 calling a named or arrow function with the wrong number of arguments raises TypeError
function two(a, b) {
    return a + b;
}
none = fn() => 0;
one = fn(x) => x;
print(two(1, 2), none(), one(5)); // expect: 3 0 5
cases = [fn() => two(1), fn() => two(1, 2, 3), fn() => two(), fn() => none(1), fn() => one(), fn() => one(1, 2)];
for (c in cases) {
    try {
        c();
        print("no error");
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
