// §9.2 §9.5 an uncaught RuntimeError from an exhausted iterator
it = iter([1]);
print(next(it)); // expect: 1
print(next(it));
// expect-error: RuntimeError@4
