// §7.4 bindings belong to whole scopes: `x = y; y = 1;` passes the static check and fails at run time
print("start"); // expect: start
x = y;
y = 1;
// expect-error: NameError@3
