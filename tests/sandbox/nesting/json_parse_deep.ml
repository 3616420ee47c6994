// §12.6 json.parse of 10^6 nested brackets: ValueError (nesting deeper than the limit), never a stack overflow
// args: --timeout 20 --max-memory 256M
// stdout: ValueError
// stdout: ValueError
// stdout: ValueError
import json;
n = 1000000;
try { json.parse("[" * n + "]" * n); } except (e) { print(e.type); }
try { json.parse("{\"a\": " * n + "1" + "}" * n); } except (e) { print(e.type); }
try { json.safeParse("[" * n + "]" * n); } except (e) { print(e.type); }
