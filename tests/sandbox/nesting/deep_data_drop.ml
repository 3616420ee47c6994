// §4.4 a value nested 500,000 deep is built, shown, serialised and freed: errors at most, never a crash
// args: --timeout 30 --max-memory 256M
// stdout: built
// stdout: end
import json;
a = [];
for (i in range(500000)) { a = [a]; }
o = {};
for (i in range(500000)) { o = {k: o}; }
print("built");
try { s = str(a); } except (e) { s = e.type; }
try { s = repr(o); } except (e) { s = e.type; }
try { s = json.stringify(a); } except (e) { s = e.type; }
try { s = json.prettyPrint(o); } except (e) { s = e.type; }
try { s = sorted([a, a]); } except (e) { s = e.type; }
print("end");
