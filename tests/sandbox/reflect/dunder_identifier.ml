// §15 SEC002: an identifier occurrence with two leading underscores (here a parameter) is rejected
// exit: 65
// stderr: SEC002
function f(__builtins__) { return __builtins__; }
print("never");
