// §15 SEC006 is a warning: strings that look like code still run, and do nothing
// stdout: __import__('os').system('id')
// stdout: eval (1)
// stderr: SEC006
s = "__import__('os').system('id')";
print(s);
print("EVAL (1)".lower());
