// §10.1 the Unicode predicates isdigit, isalpha, isalnum, isspace, isupper, islower and istitle
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "²".isdigit(), "٣".isdigit()); // expect: true false false true true
print("abc".isalpha(), "ab1".isalpha(), "".isalpha(), "éß".isalpha()); // expect: true false false true
print("ab1".isalnum(), "ab 1".isalnum(), "".isalnum(), "½".isalnum()); // expect: true false false true
print("  \t\n".isspace(), "".isspace(), " a ".isspace()); // expect: true false false
print("ABC".isupper(), "AbC".isupper(), "A1".isupper(), "123".isupper(), "".isupper()); // expect: true false true false false
print("abc".islower(), "a1".islower(), "123".islower(), "aB".islower(), "".islower()); // expect: true true false false false
print("Hello World".istitle(), "Hello world".istitle(), "".istitle(), "ABC".istitle()); // expect: true false false false
