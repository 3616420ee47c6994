// §15 SEC006 suspicious-string is only a warning: the program runs
s = "reopen(x)";
t = "EVAL (1)";
print("ran", len(s), len(t)); // expect: ran 9 8
