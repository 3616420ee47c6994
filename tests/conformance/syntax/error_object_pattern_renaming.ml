// §3.2 object destructuring has no renaming: `{a: x} = o` assigns to an object literal
print("never");
o = {a: 1}; {a: x} = o;
// expect-static: SyntaxError@3
