// §6.7 for over a value that is not iterable raises TypeError
values_to_try = [5, 1.5, null, true, print, builtin];
for (v in values_to_try) {
    try {
        for (x in v) {
            print("never");
        }
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
