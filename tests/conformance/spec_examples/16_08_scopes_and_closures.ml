count = 0; // §16.8 Scopes and closures (the program is verbatim; line numbers are the specification's)
function bump() {
    nonlocal count;
    count = count + 1;
    return count;
}
bump();
bump();
print(count);
function makeCounter() {
    n = 0;
    return fn() => {
        nonlocal n;
        n = n + 1;
        return n;
    };
}
a = makeCounter();
b = makeCounter();
a();
a();
print(a(), b());
fns = [];
for (i in [1, 2, 3]) {
    fns.append(fn() => i * 10);
}
first = fns[0];
print(first());
function readLater() {
    return limit * 2;
}
limit = 21;
print(readLater());
// expect: 2
// expect: 3 1
// expect: 30
// expect: 42
