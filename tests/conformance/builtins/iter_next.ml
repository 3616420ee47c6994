// §11.4 iter(items) and next(it[, default])
it = iter([1, 2]);
print(next(it), next(it), next(it, "done"), next(it, null), typeof(it), it); // expect: 1 2 done null object <Iterator>
s = iter("ab");
k = iter({x: 1, y: 2});
print(next(s), next(s), next(k), next(k)); // expect: a b x y
print(iter(it) == it, isinstance(it, "Iterator")); // expect: true true
arr = [1];
live = iter(arr);
arr.append(2);
print(next(live), next(live), next(live, "end")); // expect: 1 2 end
try {
    next(it);
} except (e) {
    print(e.type);
}
// expect: RuntimeError
cases = [fn() => iter(5), fn() => iter(null), fn() => next([1]), fn() => next("s")];
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
