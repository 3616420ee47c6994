// §1.4 collections.unique finds items that can be keys by hashing: 1,000,000 distinct numbers and 200,000 texts end well inside --timeout
// args: --timeout 20 --max-memory 512M
// exit: 0
// stdout: 1000000 200000
import collections;
u = collections.unique(range(1000000));
t = [];
for (i in range(200000)) { t.append(str(i)); t.append(str(i)); }
v = collections.unique(t);
print(len(u), len(v));
