// §12.3 math: constants, float functions, exact int functions and their errors
import math;
import math as m;
print(math.pi, math.e, m.pi == math.pi); // expect: 3.141592653589793 2.718281828459045 true
print(math.sqrt(16), math.sqrt(2), math.sqrt(0), math.sqrt(-0.0)); // expect: 4.0 1.4142135623730951 0.0 -0.0
print(math.abs(-5), math.abs(-2.5), math.abs(-9223372036854775807 - 1)); // expect: 5 2.5 9223372036854775808
print(math.sin(0), math.cos(0), math.tan(0), math.atan(1) * 4 == math.pi); // expect: 0.0 1.0 0.0 true
print(math.asin(1), math.acos(1), math.atan2(1, 1), math.atan2(-0.0, -1)); // expect: 1.5707963267948966 0.0 0.7853981633974483 -3.141592653589793
print(math.ln(1), math.abs(math.log(1000) - 3) < 1e-12, math.log(8, 2)); // expect: 0.0 true 3.0
print(math.abs(math.log(81, 3) - 4) < 1e-12, math.abs(math.ln(math.e) - 1) < 1e-15); // expect: true true
print(math.exp(0), math.exp(1) == math.e, math.exp(1000)); // expect: 1.0 true inf
print(math.pow(2, 10), math.pow(2, 100), math.pow(-3, 3), math.pow(2, -1), math.pow(4, 0.5)); // expect: 1024 1267650600228229401496703205376 -27 0.5 2.0
print(math.pow(2.0, 3), math.pow(0, 0), math.pow(10.0, 400), math.pow(-10.0, 401)); // expect: 8.0 1 inf -inf
print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.5), math.floor(7)); // expect: 2 -3 3 -2 7
print(math.round(2.5), math.round(3.5), math.round(-2.5), math.round(2.4999), math.round(1e20)); // expect: 2 4 -2 2 100000000000000000000
print(math.min(1, 2), math.min(2.5, 1), math.min(1, 1.0), math.max(1, 1.0), math.max(-1, 3.5)); // expect: 1 1 1 1 3.5
print(math.degToRad(180) == math.pi, math.radians(90), math.radToDeg(math.pi), math.degrees(0)); // expect: true 1.5707963267948966 180.0 0.0
print(math.sign(-3.2), math.sign(0), math.sign(-0.0), math.sign(7), math.sign(-12345678901234567890)); // expect: -1 0 0 1 -1
print(math.factorial(0), math.factorial(5), math.factorial(25)); // expect: 1 120 15511210043330985984000000
print(math.gcd(12, -18), math.gcd(0, 0), math.gcd(-7, 0), math.lcm(4, 6), math.lcm(0, 5), math.lcm(-3, 4)); // expect: 6 0 7 12 0 12
r = math.random();
print(typeof(r), r >= 0 && r < 1); // expect: number true
// Module functions are function values.
f = math.sqrt;
print(f(9), f, typeof(f)); // expect: 3.0 <function math.sqrt> function
print(modules()); // expect: ["builtin", "math"]
cases = [
    fn() => math.sqrt(-1),
    fn() => math.sqrt(true),
    fn() => math.sqrt("4"),
    fn() => math.asin(2),
    fn() => math.ln(0),
    fn() => math.log(-1),
    fn() => math.log(10, 1),
    fn() => math.pow(0, -1),
    fn() => math.pow(-8, 1 / 3),
    fn() => math.floor(float("inf")),
    fn() => math.round(float("nan")),
    fn() => math.sign(float("nan")),
    fn() => math.factorial(-1),
    fn() => math.factorial(5.0),
    fn() => math.gcd(1.5, 2),
    fn() => math.sqrt(),
    fn() => math.min(1, "2"),
    // §12.1: a module function receives null as a value, not as "omitted".
    fn() => math.log(100, null)
];
for (c in cases) {
    try {
        c();
        print("no error");
    } except (e) {
        print(e.type);
    }
}
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: OverflowError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
