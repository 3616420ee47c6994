// §1.4 the same 2^40-item text under a time limit, with a memory limit too large to stop
// it before: `--timeout` interrupts the writing
// args: --max-memory 64G --timeout 2
// max-rss: 1G
// exit: 75
// stderr: time limit
import json;
a = [1, 2, 3, 4, 5, 6, 7, 8];
for (i in range(40)) { a = [a, a]; }
print(len(json.prettyPrint(a)));
