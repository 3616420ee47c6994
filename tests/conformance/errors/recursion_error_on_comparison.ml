// §5.5 comparing two containers that contain themselves raises RecursionError
a = [1];
a.append(a);
b = [1];
b.append(b);
try {
    print(a == b);
} except (e) {
    print(e.type);
}
// expect: RecursionError
o = {};
o.self = o;
p = {};
p.self = p;
try {
    print(o == p);
} except (e) {
    print(e.type);
}
// expect: RecursionError
print(a == [1], len(a)); // expect: false 2
