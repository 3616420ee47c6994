// §10.1 upper, lower, capitalize, title and swapcase with full Unicode case mapping
print("Hello World".upper(), "Hello World".lower(), "ß".upper(), "ﬁne".upper()); // expect: HELLO WORLD hello world SS FINE
print("ÉCOLE".lower(), "école".upper()); // expect: école ÉCOLE
print("hello WORLD".capitalize(), "123abc".capitalize(), "ǆemal".capitalize()); // expect: Hello world 123abc ǅemal
print("they're bill's".title(), "hello world".title(), "HELLO".title()); // expect: They'Re Bill'S Hello World Hello
print("hELLO wORLD".swapcase(), "123".swapcase(), repr("".upper())); // expect: Hello World 123 ""
s = "Mixed";
s.upper();
print(s); // expect: Mixed
