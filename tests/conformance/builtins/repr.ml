// §11.6 repr(v) is the literal form
r = repr("hi");
print(r, len(r), repr(3.0), repr(null), repr([1, "a"]), repr(1e16)); // expect: "hi" 4 3.0 null [1, "a"] 1e+16
print(repr("tab\there"), repr("line\nbreak"), repr("quote\"back\\"), repr("é"), repr(true)); // expect: "tab\there" "line\nbreak" "quote\"back\\" "é" true
print(repr({s: "v", n: [null]}), repr(print), repr(-7)); // expect: {"s": "v", "n": [null]} <function print> -7
