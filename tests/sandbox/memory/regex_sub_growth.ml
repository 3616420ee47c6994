// §12.7 regex.sub whose result grows without bound (an empty pattern, a long replacement): the whole text so far is checked, not only its last 64 KiB
// args: --max-memory 64M --timeout 10
// exit: 75
import regex;
s = "ab" * 10000000;
r = regex.sub("", "x" * 1000, s);
r2 = regex.sub("(a)", "\\1\\1\\1\\1\\1\\1\\1\\1\\1\\1\\1\\1\\1\\1\\1\\1", s);
print(len(r) + len(r2));
