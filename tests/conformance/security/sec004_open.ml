// §15 SEC004 unsafe-builtin: `open` is rejected
print("never");
handle = open("/etc/passwd");
// expect-static: SEC004@3
