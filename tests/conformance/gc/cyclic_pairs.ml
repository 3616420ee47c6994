// §4.4 a program that creates 1,000,000 pairs of arrays referring to each other finishes
kept = 0;
i = 0;
while (i < 1000000) {
    a = [i];
    b = [a];
    a.append(b);
    if (i % 250000 == 0) {
        kept = kept + len(a[1][0]);
    }
    i = i + 1;
}
print(kept, a[1][0][0]); // expect: 8 999999
