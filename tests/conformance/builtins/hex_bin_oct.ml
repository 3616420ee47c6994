// §11.6 hex, bin and oct write ints with a prefix and lower-case digits
print(hex(255), hex(-255), hex(0), hex(18446744073709551616), hex(3054)); // expect: 0xff -0xff 0x0 0x10000000000000000 0xbee
print(bin(5), bin(-5), bin(0), bin(256)); // expect: 0b101 -0b101 0b0 0b100000000
print(oct(8), oct(-8), oct(0), oct(511)); // expect: 0o10 -0o10 0o0 0o777
cases = [fn() => hex(1.0), fn() => hex(true), fn() => bin("5"), fn() => oct(null), fn() => bin(2.5)];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
