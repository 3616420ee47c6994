// §3.2 there is no empty statement
print("never");
;
// expect-static: SyntaxError@3
