import json;
a = [];
for (i in range(100000)) { a = [a]; }
try { print(len(str(a))); } except (e) { print(e.type); }
try { json.parse("[" * 100000 + "]" * 100000); } except (e) { print(e.type); }
try { print(a == a); } except (e) { print(e.type); }
