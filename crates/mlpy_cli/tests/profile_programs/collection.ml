// Objects in reference cycles: only the cycle collector frees them, and it runs while
// `cycles` runs. `grow` appends to an array `main` made, which
// the module keeps to the end.
function cycles(n) {
    for (i in range(n)) {
        a = {};
        b = {other: a};
        a.other = b;
    }
    return n;
}
function grow(items, n) {
    for (i in range(n)) { items.append("item " + str(i)); }
    return items;
}
function main() {
    items = [];
    grow(items, 20000);
    cycles(100000);
    return items;
}
kept = main();
print(len(kept));
