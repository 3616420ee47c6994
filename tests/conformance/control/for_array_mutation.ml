// §6.7 appended items are visited; removing items shifts the iteration
items = [1, 2, 3];
for (x in items) {
    if (x < 3) {
        items.append(x * 10);
    }
}
print(items); // expect: [1, 2, 3, 10, 20]
seen = [];
arr = [1, 2, 3, 4, 5];
for (x in arr) {
    seen.append(x);
    if (x == 2) {
        arr.remove(1);
    }
}
print(seen, arr); // expect: [1, 2, 4, 5] [2, 3, 4, 5]
seen = [];
arr = [1, 2, 3, 4];
for (x in arr) {
    seen.append(x);
    arr.clear();
}
print(seen); // expect: [1]
