// §3.2 parameter annotations have no effect and are not name-checked
function area(w: number, h: SomeUndefinedType) {
    return w * h;
}
print(area(3, 4)); // expect: 12
print(area("ab", 2)); // expect: abab
f = fn(s: string, n: int) => s * n;
print(f("hi", 2)); // expect: hihi
function g(print: callable) {
    return print;
}
print(g(5)); // expect: 5
