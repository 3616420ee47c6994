arr = [10, 20, 30, 40, 50]; // §16.9 Strings and slicing (the program is verbatim; line numbers are the specification's)
print(arr[-1], arr[1:3], arr[::-2], arr[-2::-1], arr[10:]);
s = "Hello, World";
print(s[0], s[-5:], s[::-1]);
print(s.upper(), s.lower().count("o"), s.length, len(s));
print(s.split(", "), "-".join(["a", "b", "c"]), "  a  b ".split());
print("  pad ".strip() + "|", "abc".center(7, "*"), "7".rjust(3, "0"));
print(s.find("World"), s.find("xyz"), s.replace("l", "L", 2), s.startswith("Hell"));
up = s.upper;
print(up());
// expect: 50 [20, 30] [50, 30, 10] [40, 30, 20, 10] []
// expect: H World dlroW ,olleH
// expect: HELLO, WORLD 2 12 12
// expect: ["Hello", "World"] a-b-c ["a", "b"]
// expect: pad| **abc** 007
// expect: 7 -1 HeLLo, World true
// expect: HELLO, WORLD
