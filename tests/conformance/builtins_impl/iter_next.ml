// §11.4 iter and next: iterators over arrays, strings and objects, defaults, exhaustion
it = iter("hé!");
print(next(it), next(it), next(it), next(it, null), next(it, 0)); // expect: h é ! null 0
print(typeof(it), it, iter(it) == it, [it] == [it]); // expect: object <Iterator> true true
a = [1, 2];
ai = iter(a);
print(next(ai)); // expect: 1
a.append(3);
print(next(ai), next(ai), next(ai, "end")); // expect: 2 3 end
oi = iter({x: 1, y: 2});
print(next(oi), next(oi), next(oi, "end")); // expect: x y end
e = iter([]);
print(next(e, [])); // expect: []
rest = iter([1, 2, 3]);
next(rest);
items = [];
for (x in rest) {
    items.append(x);
}
print(items, next(rest, "empty")); // expect: [2, 3] empty
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => next(iter([]))), kind(fn() => next([1])), kind(fn() => next(null, 1))); // expect: RuntimeError TypeError TypeError
print(kind(fn() => iter(5)), kind(fn() => iter(null)), kind(fn() => iter(print)), kind(fn() => next())); // expect: TypeError TypeError TypeError TypeError
o = {a: 1};
ki = iter(o);
next(ki);
o.b = 2;
print(kind(fn() => next(ki))); // expect: RuntimeError
o2 = {a: 1, b: 2};
ki2 = iter(o2);
o2.a = 5;
print(next(ki2), next(ki2)); // expect: a b
