// §15 SEC003: globals, locals, vars, dir and delattr are rejected
// exit: 65
// stderr: SEC003
print("never");
g = vars();
d = dir(g);
