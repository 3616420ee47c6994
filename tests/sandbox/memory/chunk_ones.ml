// §1.4 collections.chunk(a, 1) makes an array per item (4x the memory of its argument): checked as they are made
// args: --max-memory 64M --timeout 10
// exit: 75
import collections;
a = range(3000000);
r = collections.chunk(a, 1);
print(len(r));
