// §1.4 collections functions that copy their array argument (concat, reverse, sort, take, slice): each copy is reserved first
// args: --max-memory 64M --timeout 10
// exit: 75
import collections;
a = range(3000000);
r = collections.concat(a, a);
r2 = collections.reverse(a);
r3 = collections.sort(a);
print(len(r) + len(r2) + len(r3));
