// §5.12 §11.1 builtins called with an unacceptable number of arguments raise TypeError
cases = [fn() => len(), fn() => abs(), fn() => abs(1, 2), fn() => typeof(), fn() => str(1, 2), fn() => chr(),
    fn() => keys(), fn() => round(1.5, 1, 1), fn() => sorted(), fn() => reversed([1], 1), fn() => iter(),
    fn() => next(), fn() => repr(), fn() => int(), fn() => float(1, 2), fn() => bool(), fn() => isinstance(1),
    fn() => callable(), fn() => ord(), fn() => hex(), fn() => sum(), fn() => enumerate(), fn() => all(), fn() => any([], 1)];
count = 0;
for (c in cases) {
    try {
        c();
        print("no error", count);
    } except (e) {
        if (e.type != "TypeError") {
            print("wrong kind", count, e.type);
        }
    }
    count = count + 1;
}
print(count); // expect: 24
