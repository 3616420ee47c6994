// §1.4 straight-line copies of a large array, with no safepoint between them: checked before each copy
// args: --max-memory 64M --timeout 10
// exit: 75
a = range(3000000);
r = a.copy(); r2 = a.copy(); r3 = a.copy(); r4 = a[:]; r5 = reversed(a);
print(len(r) + len(r2) + len(r3) + len(r4) + len(r5));
