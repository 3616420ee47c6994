// §1.4 range(50000000) + range(50000000): each half is 400 MB
// args: --max-memory 64M --timeout 10
// exit: 75
a = range(50000000) + range(50000000);
print(len(a));
