// §3.2 loop bodies require braces
print("never");
while (false) print(1);
// expect-static: SyntaxError@3
