// §1.4 a float formatted with a huge precision is refused (ValueError: an implementation limit) or stopped by the limit, never built
// args: --max-memory 64M --timeout 10
// exit: 1 75
s = format(1.5, ".900000000f");
print(len(s));
