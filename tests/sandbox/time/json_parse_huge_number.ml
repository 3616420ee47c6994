// §12.6 json.parse of a number of 3,000,000 digits: its conversion stops at the deadline, as int() does (8 s past a 2 s limit)
// args: --timeout 1
// exit: 75
import json;
t = "1" * 3000000;
while (true) { x = json.parse(t); }
