// §15 SEC002 dunder-name: identifiers beginning with two underscores are rejected
print("never");
__secret = 1;
// expect-static: SEC002@3
