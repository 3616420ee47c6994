function counter() {
    count = 0;
    function inc() {
        nonlocal count;
        count = count + 1;
        return count;
    }
    return inc;
}
c = counter();
c();
print(c());
adders = [];
for (k in [1, 2]) {
    adders.append(fn(v) => v + k);
}
first = adders[0];
print(first(10));
