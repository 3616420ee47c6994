// §1.4 a look-ahead around a repeat, searched from each of 100,000 positions: quadratic work inside the regex engine, which no check reaches; the run still ends with the limit (the backstop)
// args: --timeout 1
// exit: 75
import regex;
s = "a" * 100000;
while (true) { x = regex.search("(?=(a+)+)b", s); s = s + "a"; }
