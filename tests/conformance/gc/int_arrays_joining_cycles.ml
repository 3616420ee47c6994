// §4.4 int arrays that come to hold references and form cycles are reclaimed
// args: --max-memory 24M
kept = 0;
i = 0;
while (i < 300000) {
    a = [i, i + 1];
    b = [i];
    a.append(b);
    b[0] = a;
    c = [1, 2, 3];
    c.insert(1, c);
    d = [4, 5];
    d.extend([d]);
    e = [6, 7, 8];
    e[1:2] = [e, {owner: e}];
    if (i % 100000 == 0) {
        kept = kept + a[2][0][0] + len(c[1]) + len(d[2]) + len(e[2].owner);
    }
    i = i + 1;
}
print(kept, a[2][0][1], len(e)); // expect: 300033 300000 4
