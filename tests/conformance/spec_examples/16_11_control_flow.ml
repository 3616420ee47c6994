function f() { // §16.11 Control flow (the program is verbatim; line numbers are the specification's)
    x = 10;
    try {
        return x;
    } finally {
        x = 20;
        print("finally runs");
    }
}
print(f());
total = 0;
i = 0;
while (true) {
    i = i + 1;
    if (i % 2 == 0) {
        continue;
    }
    if (i > 9) {
        break;
    }
    total = total + i;
}
print(total, i);
for (k in {b: 1, a: 2}) {
    print(k);
}
items = [1, 2, 3];
for (x in items) {
    if (x < 3) {
        items.append(x * 10);
    }
}
print(items);
x = 10 // 3; // floor division, then a comment
print(x);
if (x == 3) {
    return;
}
print("not reached");
// expect: finally runs
// expect: 10
// expect: 25 11
// expect: b
// expect: a
// expect: [1, 2, 3, 10, 20]
// expect: 3
