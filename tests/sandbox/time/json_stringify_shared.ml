// §1.4 prettyPrint of a small value whose text doubles 60 times: stopped at the deadline while it writes (the memory limit is far away)
// args: --timeout 0.2 --max-memory 1G
// exit: 75
// stderr: time limit
import json;
a = [1];
for (i in range(60)) {
    a = [a, a];
}
print(len(json.prettyPrint(a, 0)));
