// §1.4 collections.unique on items that cannot be keys (arrays) compares them with each other in turn: on 200,000 distinct arrays that is quadratic, and --timeout must stop it
// args: --timeout 1 --max-memory 256M
// exit: 75
import collections;
a = [];
for (i in range(200000)) { a.append([i]); }
u = collections.unique(a);
print(len(u));
