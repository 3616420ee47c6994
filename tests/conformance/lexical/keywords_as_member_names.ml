// §2.4 §2.8 reserved words may be object-literal keys and member names after `.`
o = {if: 1, null: 2, while: 3, function: 4, true: 5, return: 6};
print(o); // expect: {"if": 1, "null": 2, "while": 3, "function": 4, "true": 5, "return": 6}
print(o.if, o.null, o.true, o["while"], o.function); // expect: 1 2 5 3 4
o.for = 7;
o.in = fn(x) => x + 1;
print(o.for, o.in(1), keys(o)[7]); // expect: 7 2 in
print(o.else, o.nonlocal); // expect: null null
print({capability: 1, import: 2, fn: 3}.fn); // expect: 3
