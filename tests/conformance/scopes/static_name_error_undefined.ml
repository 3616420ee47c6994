// §7.4 `undefined` is an ordinary identifier: reading it unbound is a static NameError
print("never");
print(undefined);
// expect-static: NameError@3
