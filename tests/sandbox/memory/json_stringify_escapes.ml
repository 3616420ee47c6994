// §12.6 json.stringify writes non-ASCII characters as \uXXXX (3 bytes per byte of é): the quoted size is checked before the string is written
// args: --max-memory 64M --timeout 10
// exit: 75
import json;
s = "é" * 10000000;
x = json.stringify({k: s});
print(len(x));
