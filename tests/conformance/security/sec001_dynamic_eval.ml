// §15 SEC001 dynamic-eval: an identifier occurrence `eval` is rejected
print("never");
result = eval("1 + 1");
// expect-static: SEC001@3
