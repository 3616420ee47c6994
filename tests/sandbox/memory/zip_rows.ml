// §1.4 zip makes an array per row: builtin, collections and functional zip are checked as they make them
// args: --max-memory 64M --timeout 10
// exit: 75
import collections;
import functional;
a = range(2000000);
r = zip(a, a, a);
r2 = collections.zip(a, a);
r3 = functional.zip(a, a);
print(len(r) + len(r2) + len(r3));
