// §3.2 an argument list may not follow an index
print("never");
arr = [print]; arr[0](5);
// expect-static: SyntaxError@3
