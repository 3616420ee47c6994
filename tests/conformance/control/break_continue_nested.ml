// §6.8 break and continue apply to the innermost loop
out = [];
for (i in [1, 2, 3]) {
    for (j in [1, 2, 3]) {
        if (j == 2) {
            continue;
        }
        if (i == 2) {
            break;
        }
        out.append([i, j]);
    }
}
print(out); // expect: [[1, 1], [1, 3], [3, 1], [3, 3]]
n = 0;
while (true) {
    n = n + 1;
    for (k in range(10)) {
        if (k == 1) {
            break;
        }
    }
    if (n == 3) {
        break;
    }
}
print(n, k); // expect: 3 1
