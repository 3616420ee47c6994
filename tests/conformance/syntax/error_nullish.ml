// §2.7 there is no `??`
print("never");
x = null ?? 1;
// expect-static: SyntaxError@3
