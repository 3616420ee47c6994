a = 0x10;
b = 0b101;
c = 1e;
d = 12abc;
e = 1.5e+;
