// §1.4 collections.unique compares items by equality: on 200,000 distinct items it must not outlive --timeout
// args: --timeout 1 --max-memory 256M
// exit: 75
import collections;
u = collections.unique(range(200000));
print(len(u));
u = collections.unique(range(2000000));
u = collections.unique(range(2000000));
print(len(u));
