// §1.4 reversed of a 20 MB string makes 20 million one-character strings (80x its size): reserved first
// args: --max-memory 64M --timeout 10
// exit: 75
s = "ab" * 10000000;
r = reversed(s);
print(len(r));
