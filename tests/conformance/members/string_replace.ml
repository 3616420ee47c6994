// §10.1 replace(old, new[, count])
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("a", "o", -1), "banana".replace("a", "o", 0)); // expect: bonono bonona bonono banana
print("abc".replace("", "-"), "aaaa".replace("aa", "b"), "abc".replace("x", "y"), "aaa".replace("a", "aa")); // expect: -a-b-c- bb abc aaaaaa
print("abc".replace("", "-", 2), "héllo".replace("é", "e"), "a.b.c".replace(".", "", 1)); // expect: -a-bc hello ab.c
print("banana".replace("a", "o", null)); // expect: bonono
