// §2.1 non-ASCII text is allowed in comments — ünïcödé, 日本語, 😀 — and in strings
s = "ünïcödé"; // más comentario
print(s, len(s)); // expect: ünïcödé 7
print("→", len("→")); // expect: → 1
