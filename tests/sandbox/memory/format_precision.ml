// §1.4 a float formatted with a huge precision is refused or stopped by the limit
// args: --max-memory 64M --timeout 10
// exit: 75
s = format(1.5, ".900000000f");
print(len(s));
