// §6.7 adding keys to an object during a for loop over it raises RuntimeError at the next step; changing values is allowed
o = {a: 1, b: 2};
for (k in o) {
    o[k] = o[k] * 10;
}
print(o); // expect: {"a": 10, "b": 20}
seen = [];
try {
    for (k in o) {
        seen.append(k);
        o["new"] = 1;
    }
} except (e) {
    print(e.type, seen);
}
// expect: RuntimeError ["a"]
p = {only: 1};
try {
    for (k in p) {
        p.other = 2;
    }
} except (e) {
    print(e.type, len(p));
}
// expect: RuntimeError 2
