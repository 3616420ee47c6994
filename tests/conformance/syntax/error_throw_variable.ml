// §3.2 `throw` takes an object literal only, not a variable
print("never");
err = {message: "m"}; throw err;
// expect-static: SyntaxError@3
