// §5.2 a key that occurs twice in a literal keeps its first position and its last value; every value is evaluated
log = [];
function v(x) {
    log.append(x);
    return x;
}
o = {a: v(1), b: v(2), a: v(3), "b": v(4), c: v(5)};
print(o, log); // expect: {"a": 3, "b": 4, "c": 5} [1, 2, 3, 4, 5]
