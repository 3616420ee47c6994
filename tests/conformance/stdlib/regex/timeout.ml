// §12.7 regex: --timeout interrupts a long scan inside one regex call (each search here reads the rest of the text)
// args: --timeout 1
import regex;
text = "a" * 300000;
print(len(text)); // expect: 300000
n = regex.count("(?=(a+))a", text);
// expect-error: LimitExceeded@6
print(n);
