// §7.4 an identifier that resolves to no scope is a static NameError
print("never");
print(undefined_variable);
// expect-static: NameError@3
