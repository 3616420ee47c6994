// §5.5 §9.2 comparing two 200,000-deep nested arrays: a RecursionError (or the answer), never a crash
// args: --timeout 30 --max-memory 256M
// stdout: compared
a = [];
b = [];
for (i in range(200000)) { a = [a]; b = [b]; }
try { r = a == b; } except (e) { r = e.type; }
print("compared");
