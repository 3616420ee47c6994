// §3.2 an argument list may only follow an identifier or a member name
print("never");
x = true(1);
// expect-static: SyntaxError@3
