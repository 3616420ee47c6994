// §5.9 indexing strings gives one-character strings
s = "héllo😀";
print(s[0], s[1], s[-1], s[-6], len(s[5])); // expect: h é 😀 h 1
print(typeof(s[0]), s[0] == "h"); // expect: string true
try {
    x = s[6];
} except (e) {
    print(e.type);
}
// expect: IndexError
try {
    x = ""[0];
} except (e) {
    print(e.type);
}
// expect: IndexError
try {
    x = s[-7];
} except (e) {
    print(e.type);
}
// expect: IndexError
