// §4.4 object keys may be null, booleans, ints, floats and strings
o = {};
o[null] = "n";
o[true] = "t";
o[false] = "f";
o[1] = "i";
o[2.5] = "x";
o["s"] = "str";
o[-3] = "neg";
o[100000000000000000000] = "big";
print(o); // expect: {null: "n", true: "t", false: "f", 1: "i", 2.5: "x", "s": "str", -3: "neg", 100000000000000000000: "big"}
print(keys(o)); // expect: [null, true, false, 1, 2.5, "s", -3, 100000000000000000000]
print(o[null], o[false], o[2.5], o[-3], len(o)); // expect: n f x neg 8
for (k in o) {
    print(typeof(k));
}
// expect: null
// expect: boolean
// expect: boolean
// expect: number
// expect: number
// expect: string
// expect: number
// expect: number
