// §15 SEC001: eval, exec and compile as any identifier occurrence, even bound by the program, are rejected
// exit: 65
// stderr: SEC001
print("never");
compile = fn(s) => s;
x = compile("1 + 1");
