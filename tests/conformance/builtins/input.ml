// §11.8 input writes its prompt without a line feed; at the end of standard input it raises IOError
try {
    line = input("prompt> ");
    print("read", line);
} except (e) {
    print(e.type);
}
// expect: prompt> IOError
try {
    input();
} except (e) {
    print(e.type);
}
// expect: IOError
try {
    input(42);
} except (e) {
    print("", e.type);
}
// expect: 42 IOError
