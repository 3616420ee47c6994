// §7.4 call targets are checked too
print("never");
undefined_function(1);
// expect-static: NameError@3
