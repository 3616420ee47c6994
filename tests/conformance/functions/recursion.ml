// §6.4 §8 recursive and mutually recursive functions
function fact(n) {
    if (n <= 1) {
        return 1;
    }
    return n * fact(n - 1);
}
print(fact(5), fact(25)); // expect: 120 15511210043330985984000000
function fib(n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
print(fib(20)); // expect: 6765
function is_even(n) {
    return n == 0 ? true : is_odd(n - 1);
}
function is_odd(n) {
    return n == 0 ? false : is_even(n - 1);
}
print(is_even(10), is_odd(7), is_even(7)); // expect: true true false
function depth(n) {
    if (n == 0) {
        return 0;
    }
    return 1 + depth(n - 1);
}
print(depth(900)); // expect: 900
