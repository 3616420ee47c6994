// §4.4 arrays, objects, functions, modules and library objects are not keys (TypeError); NaN is not a key (ValueError)
o = {};
bad = [[1], {}, print, fn() => 1, builtin, iter([])];
for (k in bad) {
    try {
        o[k] = 1;
        print("stored");
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
nan = float("nan");
try {
    o[nan] = 1;
} except (e) {
    print(e.type);
}
// expect: ValueError
try {
    x = o[nan];
} except (e) {
    print(e.type);
}
// expect: ValueError
try {
    x = o[[1]];
} except (e) {
    print(e.type);
}
// expect: TypeError
o[1e400] = "inf";
o[-1e400] = "-inf";
print(o); // expect: {inf: "inf", -inf: "-inf"}
