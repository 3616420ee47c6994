// §1.3 §15 the security analysis runs before the name check: an unbound `exec` is reported as SEC001
print("never");
exec("x");
// expect-static: SEC001@3
