// §7.5 closures capture variables, not values
function make() {
    v = 1;
    get = fn() => v;
    v = 2;
    r1 = get();
    v = 3;
    return [r1, get()];
}
print(make()); // expect: [2, 3]
function sharing() {
    n = 0;
    inc = fn() => {
        nonlocal n;
        n = n + 1;
    };
    read = fn() => n;
    inc();
    inc();
    return read();
}
print(sharing()); // expect: 2
