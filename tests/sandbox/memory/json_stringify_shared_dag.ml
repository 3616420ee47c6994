// §1.4 an array holding itself twice, forty levels deep, is a small value whose JSON text
// has 2^40 items: the text is counted against the memory limit as it is written
// args: --max-memory 64M --timeout 20
// exit: 75
// stderr: LimitExceeded
import json;
a = [1];
for (i in range(40)) { a = [a, a]; }
print(len(json.stringify(a)));
