// §8 functions are values: stored, passed, returned, compared by identity
function square(x) {
    return x * x;
}
function apply(f, v) {
    return f(v);
}
print(apply(square, 7), apply(fn(x) => x + 1, 7), apply(len, "abc")); // expect: 49 8 3
ops = {sq: square, neg: fn(x) => -x};
print(ops.sq(3), ops.neg(3)); // expect: 9 -3
table = [square, abs];
f = table[1];
print(f(-4)); // expect: 4
function make_adder(n) {
    return fn(x) => x + n;
}
add5 = make_adder(5);
print(add5(1), typeof(add5), add5); // expect: 6 function <function anonymous>
alias = square;
print(alias == square, square == make_adder, alias(2), alias); // expect: true false 4 <function square>
p = print;
p("printed through a variable"); // expect: printed through a variable
print(callable(square), callable(add5), callable(p), callable("square")); // expect: true true true false
