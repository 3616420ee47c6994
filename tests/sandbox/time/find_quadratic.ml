// §1.4 substring search with a long needle that almost matches everywhere
// args: --timeout 1 --max-memory 256M
// exit: 75
hay = "a" * 20000000;
needle = "a" * 10000000 + "b";
while (true) { print(hay.find(needle)); }
