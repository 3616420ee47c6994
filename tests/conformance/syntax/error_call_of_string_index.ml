// §3.2 an argument list may not follow an index (`obj["m"]()`)
print("never");
obj = {m: print}; obj["m"]();
// expect-static: SyntaxError@3
