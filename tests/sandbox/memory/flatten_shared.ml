// §1.4 flattening an array that holds one large array many times: the result is reserved first
// args: --max-memory 64M --timeout 10
// exit: 75
import collections;
import functional;
a = range(1000000);
b = [a] * 100;
r = collections.flatten(b);
r2 = functional.flatten(b);
print(len(r) + len(r2));
