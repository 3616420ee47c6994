// §5.1 §5.2 a binary result may take an operand's register: nested operations over call results
function id(x) {
    return x;
}
function fib(n) {
    if (n < 2) {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}
print(fib(15)); // expect: 610
print((id(3) + id(4)) * (id(10) - id(8))); // expect: 14
print(id(7) - id(2) - id(1), id(2) * id(3) + id(4) * id(5)); // expect: 4 26
print(id(1) < id(2), id(3) == id(3), id("a") + id("b") + id(1)); // expect: true true ab1
// Overflow takes the slow path, which reads both operands again.
big = id(9223372036854775807) + id(1);
print(big, big - id(1) == 9223372036854775807); // expect: 9223372036854775808 true
print(id(4611686018427387904) * id(4)); // expect: 18446744073709551616
print(id(7) // id(2), id(7) % id(-2), id(1) / id(4)); // expect: 3 -1 0.25
s = [id(1) + id(2), id(3) * id(4)];
print(s, len(s) + id(1)); // expect: [3, 12] 3
x = 5;
x = id(x) + x * id(2);
print(x); // expect: 15
print(id([1, 2]) + id([3])); // expect: [1, 2, 3]
function err() {
    return id(1) + id("x") * id(null);
}
try {
    err();
} except (e) {
    print(e.type); // expect: TypeError
}
