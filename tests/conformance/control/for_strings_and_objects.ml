// §6.7 for over a string gives characters; over an object, keys in insertion order
out = [];
for (ch in "hé😀") {
    out.append(ch);
}
print(out); // expect: ["h", "é", "😀"]
for (k in {b: 1, a: 2}) {
    print(k);
}
// expect: b
// expect: a
o = {};
o[2] = "x";
o[null] = "y";
for (k in o) {
    print(k, o[k]);
}
// expect: 2 x
// expect: null y
for (c in "") {
    print("never");
}
