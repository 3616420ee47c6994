// §6.7 §11 `for (i in range(...))` yields the same items as the array `range(...)` returns, also for bounds and steps beyond 64 bits, and raises the same errors
n = 0;
last = null;
for (i in range(9223372036854775800, 9223372036854775817)) {
    n = n + 1;
    last = i;
}
print(n, last); // expect: 17 9223372036854775816
print(len(range(9223372036854775800, 9223372036854775817))); // expect: 17
for (i in range(-9223372036854775807, -9223372036854775812, -2)) {
    print(i);
    // expect: -9223372036854775807
    // expect: -9223372036854775809
    // expect: -9223372036854775811
}
for (i in range(0, 100000000000000000000000, 40000000000000000000000)) {
    print(i);
    // expect: 0
    // expect: 40000000000000000000000
    // expect: 80000000000000000000000
}
for (i in range(100000000000000000000002, 99999999999999999999999, -1)) {
    print(i);
    // expect: 100000000000000000000002
    // expect: 100000000000000000000001
    // expect: 100000000000000000000000
}
for (i in range(9223372036854775806, 9223372036854775807 + 3, 9223372036854775807)) {
    print(i);
    // expect: 9223372036854775806
}
for (i in range(-9223372036854775808, 0, -1)) {
    print("never");
}
fast = [];
slow = [];
for (i in range(3, -9223372036854775809 - 2, -4611686018427387904)) {
    fast.append(i);
}
r = range(3, -9223372036854775809 - 2, -4611686018427387904);
for (i in r) {
    slow.append(i);
}
print(fast == slow, len(fast)); // expect: true 3
try {
    for (i in range(0, 5, 0)) {
        print(i);
    }
} except (e) {
    print(e.type); // expect: ValueError
}
try {
    for (i in range(0, 99999999999999999999999, 0)) {
        print(i);
    }
} except (e) {
    print(e.type); // expect: ValueError
}
try {
    for (i in range(99999999999999999999999, 2.5)) {
        print(i);
    }
} except (e) {
    print(e.type); // expect: TypeError
}
