// §15 SEC004 unsafe-builtin: a call whose callee is the bare identifier `file`
print("never");
f = file("/etc/passwd");
// expect-static: SEC004@3
