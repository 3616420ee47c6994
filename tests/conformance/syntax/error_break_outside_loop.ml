// §3.4 `break` outside a loop is a syntax error
print("never");
break;
// expect-static: SyntaxError@3
