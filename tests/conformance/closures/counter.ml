// §7.5 §6.12 a closure keeps its own counter, updated through nonlocal
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
print(a(), b(), a(), b()); // expect: 3 1 4 2
