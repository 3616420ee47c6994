// §5.11 §10.2 arrays have no `map` method: AttributeError (the report points at functional.map)
xs = [1, 2, 3];
try {
    xs.filter(fn(x) => x > 1);
} except (e) {
    print(e.type, e.line);
}
// expect: AttributeError 4
print([1, 2].map(fn(x) => x * 2));
// expect-error: AttributeError@9
