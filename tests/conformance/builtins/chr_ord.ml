// §11.6 chr(i) and ord(c)
print(chr(65), chr(233), chr(128512), repr(chr(0)), chr(ord("a") + 1), len(chr(1114111))); // expect: A é 😀 "\u0000" b 1
print(ord("A"), ord("é"), ord("😀"), ord("\n"), ord(chr(55295)), ord(chr(57344))); // expect: 65 233 128512 10 55295 57344
cases = [fn() => chr(-1), fn() => chr(1114112), fn() => chr(55296), fn() => chr(57343), fn() => chr(65.0), fn() => chr(true),
    fn() => chr("A"), fn() => ord(""), fn() => ord("ab"), fn() => ord(65), fn() => ord(null)];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
