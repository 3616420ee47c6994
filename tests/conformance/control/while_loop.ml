// §6.6 §6.8 while re-tests its condition before each iteration, also after continue
i = 0;
total = 0;
while (i < 5) {
    i = i + 1;
    if (i == 2) {
        continue;
    }
    total = total + i;
}
print(i, total); // expect: 5 13
n = 0;
while (false) {
    n = 1;
}
print(n); // expect: 0
items = [3, 2, 1];
while (items) {
    print(items.pop());
}
// expect: 1
// expect: 2
// expect: 3
count = 0;
while (true) {
    count = count + 1;
    if (count >= 1000) {
        break;
    }
}
print(count); // expect: 1000
