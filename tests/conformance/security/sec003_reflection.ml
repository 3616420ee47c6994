// §15 SEC003 reflection-builtin: `globals` is rejected
print("never");
g = globals();
// expect-static: SEC003@3
