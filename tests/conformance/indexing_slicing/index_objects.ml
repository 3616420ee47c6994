// §5.9 indexing objects by key; a missing key raises KeyError
o = {a: 1, "b c": 2};
o[1] = "one";
o[null] = "nothing";
o[true] = "yes";
o[2.5] = "float";
print(o["a"], o["b c"], o[1], o[1.0], o[null], o[true], o[2.5]); // expect: 1 2 one one nothing yes float
try {
    x = o["missing"];
} except (e) {
    print(e.type, e.line);
}
// expect: KeyError 9
try {
    x = o[false];
} except (e) {
    print(e.type);
}
// expect: KeyError
try {
    x = o[2];
} except (e) {
    print(e.type);
}
// expect: KeyError
try {
    x = o["1"];
} except (e) {
    print(e.type);
}
// expect: KeyError
try {
    x = o[[1]];
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    x = o[{}];
} except (e) {
    print(e.type);
}
// expect: TypeError
