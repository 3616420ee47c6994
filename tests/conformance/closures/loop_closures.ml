// §7.5 a closure made in a loop sees the loop variable's value when it runs
fns = [];
for (i in [1, 2, 3]) {
    fns.append(fn() => i);
}
f = fns[0];
print(f()); // expect: 3
i = 10;
print(f()); // expect: 10
function make_all() {
    out = [];
    for (j in [1, 2, 3]) {
        out.append(fn() => j * 10);
    }
    return out;
}
gs = make_all();
g0 = gs[0];
g2 = gs[2];
print(g0(), g2()); // expect: 30 30
function bind(v) {
    return fn() => v;
}
hs = [];
for (k in [1, 2, 3]) {
    hs.append(bind(k));
}
h0 = hs[0];
h2 = hs[2];
print(h0(), h2()); // expect: 1 3
