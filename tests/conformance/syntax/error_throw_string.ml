// §3.2 `throw` takes an object literal only
print("never");
throw "boom";
// expect-static: SyntaxError@3
