// §15 SEC002: a member name with two leading underscores is rejected before anything runs
// exit: 65
// stderr: SEC002
x = "abc";
print("never");
print(x.__class__);
