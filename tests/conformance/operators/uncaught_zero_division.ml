// §5.4 §9.5 an uncaught ZeroDivisionError from `%`
values_seen = [];
for (d in [3, 2, 1, 0]) {
    values_seen.append(10 % d);
    print(values_seen);
}
// expect: [1]
// expect: [1, 0]
// expect: [1, 0, 0]
// expect-error: ZeroDivisionError@4
