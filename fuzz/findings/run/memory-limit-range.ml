a = range(100000000);
print(len(a));
