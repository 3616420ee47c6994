// `for` over `range` with bounds beyond 64 bits.
n = 0;
for (i in range(9223372036854775807, 9223372036854775810)) {
    n = n + 1;
    print(i);
}
print(n);
for (i in range(-9223372036854775810, -9223372036854775807)) {
    print(i);
}
k = 0;
for (j in range(-73717727657122156033278843412335, -73717727657122156033278843412325)) {
    k = k + 1;
    if (k > 2) {
        break;
    }
    print(j);
}
