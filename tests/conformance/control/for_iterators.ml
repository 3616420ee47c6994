// §6.7 §11.4 for over an iterator consumes its remaining items
it = iter([1, 2, 3, 4]);
print(next(it)); // expect: 1
for (x in it) {
    print(x);
    if (x == 3) {
        break;
    }
}
// expect: 2
// expect: 3
for (x in it) {
    print("rest", x);
}
// expect: rest 4
for (x in it) {
    print("never");
}
print(next(it, "exhausted")); // expect: exhausted
for (ch in iter("ab")) {
    print(ch);
}
// expect: a
// expect: b
