function f(items) {
    for (i in items) {
        try {
            if (i == 1) {
                continue;
            }
            if (i == 3) {
                return i;
            }
        } finally {
            g = fn(v) => v * 10;
            print(g(i));
        }
    }
    return null;
}
try {
    print(f([1, 2, 3]));
} except (e) {
    h = fn() => e.message;
    print(h());
} finally {
    print("done");
}
