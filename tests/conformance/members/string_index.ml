// §10.1 index and rindex are find and rfind that raise ValueError
print("hello".index("e"), "hello".rindex("l"), "hello".index("l", 3), "hello".rindex("h")); // expect: 1 3 3 0
try {
    "hello".index("z");
} except (e) {
    print(e.type);
}
// expect: ValueError
try {
    "hello".rindex("h", 1);
} except (e) {
    print(e.type);
}
// expect: ValueError
