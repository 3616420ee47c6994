// §5.8 the conditional expression evaluates only the chosen branch
x = 7;
print(x > 5 ? "big" : "small", x > 10 ? "big" : "small"); // expect: big small
print((x > 5 ? 10 : 20) + 5, 5 + (x < 5 ? 1 : 2), -(x > 5 ? 1 : 2)); // expect: 15 7 -1
print(0 ? "t" : "f", "" ? "t" : "f", [0] ? "t" : "f", null ? "t" : "f"); // expect: f f t f
log = [];
function note(v) {
    log.append(v);
    return v;
}
r = true ? note("a") : note("b");
r2 = false ? note("c") : note("d");
print(r, r2, log); // expect: a d ["a", "d"]
print((x > 5 ? true : false) ? "yes" : "no", (x > 5 ? 0 : 1) ? "yes" : "no"); // expect: yes no
print(x > 5 ? 1 : 0 ? "a" : "b", x < 5 ? 1 : 0 ? "a" : "b"); // expect: 1 b
y = x > 5 ? [1] : {};
print(y, (x > 100 ? "a" : "b") + "c"); // expect: [1] bc
