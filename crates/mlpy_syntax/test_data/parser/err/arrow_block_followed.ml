f = fn() => { return 1; } + 1;
g = fn() => { return 1; }(2);
h = fn() => { return 1; } ? a : b;
ok = 1;
