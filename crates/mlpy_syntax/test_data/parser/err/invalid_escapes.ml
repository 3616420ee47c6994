a = "\x4";
b = "\xZZ";
c = "\u12";
d = "\u{}";
e = "\u{1234567}";
f = "\u{110000}";
g = "\uD800";
h = "\u{DFFF}";
i = "line \
continued";
j = "\x4 and \u{FFFFFFF} in one";
