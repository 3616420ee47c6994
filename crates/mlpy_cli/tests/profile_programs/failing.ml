function check(n) {
    if (n > 2) {
        throw {message: "too big"};
    }
    return n;
}
for (i in range(5)) {
    print(check(i));
}
