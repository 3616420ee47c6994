total = 0;
for (i in range(10)) {
    if (i % 2 == 0) {
        continue;
    }
    total = total + i;
}
n = 0;
while (n < 5 && total > 0) {
    n = n + 1;
}
for (c in "abc") {
    total = total + len(c);
}
print(total, n);
