// §1.4 replace with an empty pattern inserts between every character: a quadratic blow-up of memory
// args: --max-memory 64M --timeout 10
// exit: 75
s = "a" * 10000000;
t = s.replace("", "bbbbbbbbbb");
print(len(t));
