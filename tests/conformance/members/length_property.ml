// §5.11 §10 `length` is a read-only property of strings and arrays; objects read their "length" key
print("héllo".length, [1, 2, 3].length, "".length, [].length); // expect: 5 3 0 0
s = "abc";
print(s.length == len(s), typeof(s.length)); // expect: true number
o = {length: 42};
print(o.length, {}.length); // expect: 42 null
o2 = {};
o2.length = 7;
print(o2, len(o2)); // expect: {"length": 7} 1
try {
    "abc".length();
} except (e) {
    print(e.type);
}
// expect: AttributeError
try {
    [1].length();
} except (e) {
    print(e.type);
}
// expect: AttributeError
a = [1, 2];
try {
    a.length = 5;
} except (e) {
    print(e.type, a.length);
}
// expect: TypeError 2
