function counter(start) {
    n = start;
    return fn() => {
        nonlocal n;
        n = n + 1;
        return n;
    };
}
c = counter(10);
total = 0;
for (i in range(3)) {
    if (i < 2) {
        total = total + c();
    }
}
try {
    print(total, len([1, 2]));
} finally {
    print("done");
}
