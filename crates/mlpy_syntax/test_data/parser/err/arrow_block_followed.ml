f = fn() => { return 1; } + 1;
g = fn() => { return 1; }(2);
h = fn() => { return 1; } ? a : b;
ok = 1;
k = fn() => { return 1; }
m = 2;
n = fn() => { return 1; }
    + 1;
