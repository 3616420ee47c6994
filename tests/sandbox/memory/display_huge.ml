// §1.4 the display form of a large array is refused or stopped by the limit
// args: --max-memory 64M --timeout 10
// exit: 75
a = range(6000000);
s = str(a);
print(len(s));
