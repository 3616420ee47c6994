// §2.6 a backslash followed by a line feed is a syntax error
print("never");
s = "abc\
def";
// expect-static: SyntaxError@3
