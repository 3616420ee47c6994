// §7.5 closures capture parameters of the enclosing call
function multiplier(factor) {
    return fn(x) => x * factor;
}
double = multiplier(2);
triple = multiplier(3);
print(double(5), triple(5)); // expect: 10 15
function accumulate(total) {
    return fn(v) => {
        nonlocal total;
        total = total + v;
        return total;
    };
}
acc = accumulate(100);
acc(1);
print(acc(10)); // expect: 111
compose = fn(f, g) => fn(x) => f(g(x));
inc_then_double = compose(double, fn(x) => x + 1);
print(inc_then_double(4)); // expect: 10
