// §1.4 splitting 100 MB of spaces makes 10^8 strings
// args: --max-memory 64M --timeout 10
// exit: 75
s = " " * 100000000;
parts = s.split(" ");
print(len(parts));
