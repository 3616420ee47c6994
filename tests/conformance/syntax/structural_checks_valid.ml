// §3.4 valid placements: break/continue in finally inside a loop, nonlocal of an enclosing function's variable
total = 0;
for (i in [1, 2, 3, 4]) {
    try {
        total = total + i;
    } finally {
        if (i == 2) {
            continue;
        }
        if (i == 3) {
            break;
        }
    }
    print("after", i);
}
// expect: after 1
print(total); // expect: 6
function outer() {
    v = 1;
    function middle() {
        function inner() {
            nonlocal v;
            v = v + 10;
        }
        inner();
    }
    middle();
    return v;
}
print(outer()); // expect: 11
function loops() {
    out = [];
    for (i in [1, 2, 3]) {
        f = fn(x) => x * 2;
        while (true) {
            out.append(f(i));
            break;
        }
    }
    return out;
}
print(loops()); // expect: [2, 4, 6]
