// §10.1 title and swapcase decode their receiver first (4 bytes a character), upper may lengthen it: checked before they run (a 30 MB title() took 180 MB)
// args: --max-memory 64M --timeout 10
// exit: 75
s = "ab " * 10000000;
x = s.title();
y = s.swapcase();
z = ("ß" * 15000000).upper();
print(len(x) + len(y) + len(z));
