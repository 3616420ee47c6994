// §12.15 crypto: secure random values: random_bytes, random_hex, random_string, random_int, random_float
import crypto;
b = crypto.random_bytes(64);
in_range = true;
for (x in b) {
    in_range = in_range && isinstance(x, "int") && x >= 0 && x <= 255;
}
print(len(b), in_range, crypto.random_bytes(0)); // expect: 64 true []
h = crypto.random_hex(16);
hex_ok = true;
for (c in h) {
    hex_ok = hex_ok && "0123456789abcdef".find(c) >= 0;
}
print(len(h), hex_ok, repr(crypto.random_hex(0)), crypto.random_hex(8) != crypto.random_hex(8)); // expect: 32 true "" true
s = crypto.random_string(500);
alnum = true;
for (c in s) {
    alnum = alnum && c.isalnum() && ord(c) < 128;
}
print(len(s), alnum, repr(crypto.random_string(0))); // expect: 500 true ""
// random_int covers [min, max], both included
seen = {};
for (i in range(600)) {
    seen[crypto.random_int(1, 6)] = true;
}
print(sorted(keys(seen))); // expect: [1, 2, 3, 4, 5, 6]
print(crypto.random_int(7, 7), crypto.random_int(-3, -3)); // expect: 7 -3
r = crypto.random_int(-9223372036854775808, 9223372036854775807);
print(isinstance(r, "int"), r >= -9223372036854775808 && r <= 9223372036854775807); // expect: true true
e40 = 10000000000000000000000000000000000000000;
big = crypto.random_int(e40, e40 + 5);
print(big >= e40 && big <= e40 + 5, crypto.random_int(-1000000000000000000000000000000, -1000000000000000000000000000000) == -1000000000000000000000000000000); // expect: true true
f = crypto.random_float();
print(isinstance(f, "float"), f >= 0.0 && f < 1.0, f * 4294967296 == int(f * 4294967296)); // expect: true true true
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => crypto.random_int(5, 4)); // expect: ValueError `crypto.random_int`: max 4 is below min 5
bad(fn() => crypto.random_int(1000000000000000000000000000000, 0)); // expect: ValueError `crypto.random_int`: max 0 is below min 1000000000000000000000000000000
bad(fn() => crypto.random_bytes(-1)); // expect: ValueError `crypto.random_bytes`: count -1 is negative
bad(fn() => crypto.random_hex(-2)); // expect: ValueError `crypto.random_hex`: count -2 is negative
bad(fn() => crypto.random_string(-3)); // expect: ValueError `crypto.random_string`: count -3 is negative
bad(fn() => crypto.random_bytes(1.0)); // expect: TypeError `crypto.random_bytes` expects an int for `n`, got float
bad(fn() => crypto.random_int(1, "6")); // expect: TypeError `crypto.random_int` expects an int for `max`, got string
