// §7.5 a program that creates 1,000,000 recursive closures finishes (closures that capture themselves)
function make(n) {
    countdown = fn(k) => k <= 0 ? n : countdown(k - 1);
    return countdown;
}
total = 0;
for (i in range(1000000)) {
    f = make(i);
    total = total + 1;
}
print(total, f(3)); // expect: 1000000 999999
