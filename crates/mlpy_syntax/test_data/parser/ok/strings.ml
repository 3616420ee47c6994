// String escapes (spec §2.6).
a = "a\nb";
b = 'it\'s';
c = "\x41\u0042\u{43}";
d = "C:\\dir";
e = "\d+\b\w\s\1\.";
f = "\012";
g = "\t\r\0\"\'";
h = "\u{1F600} \u{10FFFF} \u00e9 \xff";
i = 'say "hi"';
j = "it's";
k = "multi
line";
l = "\é and ünïcödé";
m = "\q\z\ ";
