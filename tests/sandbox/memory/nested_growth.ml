// §1.4 ever deeper nested arrays (the deep value is also freed without overflowing the Rust stack)
// args: --max-memory 64M --timeout 10
// exit: 75
a = [];
while (true) { a = [a, a]; a = [a]; }
