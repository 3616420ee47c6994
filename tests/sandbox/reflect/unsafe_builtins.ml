// §15 SEC004: open and a bare call of `file` are rejected
// exit: 65
// stderr: SEC004
print("never");
h = open("/etc/passwd");
