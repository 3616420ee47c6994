// §4.3 strings are sequences of code points compared by code point
print(len("héllo"), len("日本語"), len("😀a"), "😀a"[1], "héllo"[1]); // expect: 5 3 2 a é
print("😀a"[::-1], "日本語"[1:], "😀"[0] == "😀"); // expect: a😀 本語 true
print("é" < "z", "Z" < "a", "ab" < "abc", "😀" > "日", "" < "a"); // expect: false true true true true
print("abc" == "abc", "abc" == "ABC", "a" + "b" == "ab"); // expect: true false true
