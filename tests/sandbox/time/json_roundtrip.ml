// §1.4 json stringify and parse of a large value in a loop
// args: --timeout 1 --max-memory 256M
// exit: 75
import json;
a = range(2000000);
while (true) { a = json.parse(json.stringify(a)); }
