a = [0] * 100000000;
print(len(a));
