// `heavy` does three times the work of `light`. The calls alternate, so a pause of the
// machine (another process running) lands on either with the same odds.
function heavy() {
    total = 0;
    i = 0;
    while (i < 300000) {
        total = (total + i * 7) % 1000003;
        i = i + 1;
    }
    return total;
}
function light() {
    total = 0;
    i = 0;
    while (i < 100000) {
        total = (total + i * 7) % 1000003;
        i = i + 1;
    }
    return total;
}
sum = 0;
for (round in range(6)) {
    sum = sum + heavy() + light();
}
print(sum);
