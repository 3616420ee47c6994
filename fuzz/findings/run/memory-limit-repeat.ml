s = "x" * 1000000000;
print(len(s));
