// §1.4 stringify of a small value whose text doubles 60 times (one array held twice at every level): stopped by the memory limit while it writes
// args: --max-memory 64M --timeout 60
// exit: 75
// stderr: the text of `json`
import json;
a = ["abcdefgh"];
for (i in range(60)) {
    a = [a, a];
}
print(len(json.stringify(a)));
