// §3.2 capability declarations may appear only at the top level
print("never");
if (true) { capability C { allow read "x"; } }
// expect-static: SyntaxError@3
