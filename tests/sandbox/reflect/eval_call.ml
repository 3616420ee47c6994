// §15 SEC001: a call of eval is rejected before anything runs
// exit: 65
// stderr: SEC001
print("never");
eval("print(1)");
