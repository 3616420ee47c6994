// §1.4 joining with a huge separator
// args: --max-memory 64M --timeout 10
// exit: 75
sep = "x" * 40000000;
s = sep.join(["a", "b", "c", "d"]);
print(len(s));
