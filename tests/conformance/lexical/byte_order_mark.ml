// §2.1 a byte-order mark at the start of a file is ignored
print("bom ok"); // expect: bom ok
x = 1;
print(x + 1); // expect: 2
