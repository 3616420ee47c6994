// §10.1 find and rfind return an index or -1
print("hello".find("l"), "hello".rfind("l"), "hello".find("l", 3), "hello".find("l", -2)); // expect: 2 3 3 3
print("hello".find("z"), "hello".find("h", 1), "hello".find("lo", 0, 4), "hello".rfind("l", 0, 3)); // expect: -1 -1 -1 2
print("héllo😀".find("😀"), "aaa".rfind("aa"), "abc".find("abcd")); // expect: 5 1 -1
