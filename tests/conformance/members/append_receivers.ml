// §5.11 `x.append(v)` on an array, on an object property, and on kinds without it
log = [];
o = {append: fn(v) => {
    log.append(v * 2);
    return "called";
}};
print(o.append(21)); // expect: called
print(log); // expect: [42]
a = [1];
r = a.append([2]);
print(a, r); // expect: [1, [2]] null
a.append(a[0]);
print(a); // expect: [1, [2], 1]
try {
    "s".append(1);
} except (e) {
    print(e.type); // expect: AttributeError
}
try {
    {x: 1}.append(1);
} except (e) {
    print(e.type); // expect: AttributeError
}
n = null;
n.append(1); // expect-error: AttributeError@25
