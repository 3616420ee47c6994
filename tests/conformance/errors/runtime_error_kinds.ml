// §9.2 the runtime error kinds reachable without modules, with their `type` field
function deep(n) {
    return deep(n + 1);
}
function unbound() {
    v = v + 1;
}
o = {a: 1};
cases = [fn() => o["b"], fn() => [1][1], fn() => o.x(), fn() => 5 % 0, fn() => int(1e400),
    fn() => unbound(), fn() => deep(0), fn() => range(1, 5, 0), fn() => "s" - 1, fn() => next(iter({})),
    fn() => input(), fn() => [].pop()];
for (c in cases) {
    try {
        c();
    } except (e) {
        print(e.type);
    }
}
// expect: KeyError
// expect: IndexError
// expect: AttributeError
// expect: ZeroDivisionError
// expect: OverflowError
// expect: NameError
// expect: RecursionError
// expect: ValueError
// expect: TypeError
// expect: RuntimeError
// expect: IOError
// expect: IndexError
