// §7.4 §12.1 a standard module used without its import is a static NameError (the help suggests the import)
print("never");
print(math.sqrt(2));
// expect-static: NameError@3
