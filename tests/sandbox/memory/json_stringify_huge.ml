// §1.4 stringify of a large array
// args: --max-memory 64M --timeout 10
// exit: 75
import json;
a = [[1.5, "abcdef", null]] * 5000000;
print(len(json.stringify(a)));
