// §9.5 a KeyError quotes the key: a 10 MB key
// args: --max-memory 256M --timeout 10
// exit: 1
// expect-error: KeyError
o = {};
x = o["k" * 10000000];
