// Loops, `break` and `continue` (spec §6.6 - §6.8).
while (i < 10) {
    i = i + 1;
    if (i == 5) {
        continue;
    }
    if (i == 8) {
        break;
    }
}
for (item in items) {
    print(item);
}
for (k in {a: 1}) {
}
for (c in "abc") {
}
while (true) {
}
