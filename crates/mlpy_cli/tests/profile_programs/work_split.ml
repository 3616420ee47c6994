// `heavy` does three times the work of `light`.
function heavy() {
    total = 0;
    i = 0;
    while (i < 900000) {
        total = (total + i * 7) % 1000003;
        i = i + 1;
    }
    return total;
}
function light() {
    total = 0;
    i = 0;
    while (i < 300000) {
        total = (total + i * 7) % 1000003;
        i = i + 1;
    }
    return total;
}
print(heavy(), light());
