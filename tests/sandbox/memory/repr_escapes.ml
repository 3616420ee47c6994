// §1.4 repr of 20 MB of control characters is 120 MB of escapes: the quoted size is checked before the string is written
// args: --max-memory 64M --timeout 10
// exit: 75
s = "\u0001" * 20000000;
x = repr([s]);
print(len(x));
