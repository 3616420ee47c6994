// §3.2 there are no classes
print("never");
class Point { }
// expect-static: SyntaxError@3
