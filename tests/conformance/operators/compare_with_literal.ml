// §5.5 §5.6 comparisons with an int literal in conditions, for every kind of left operand
x = 5;
if (x < 10) { print("lt"); } // expect: lt
if (x <= 5) { print("le"); } // expect: le
if (x > 4) { print("gt"); } // expect: gt
if (x >= 6) { print("no"); } else { print("ge else"); } // expect: ge else
if (x == 5) { print("eq"); } // expect: eq
if (x != 5) { print("no"); } else { print("ne else"); } // expect: ne else
f = 5.5;
if (f > 5) { print("float gt"); } // expect: float gt
if (f != 5) { print("float ne"); } // expect: float ne
big = 9223372036854775807 + 1;
if (big > 0) { print("big gt"); } // expect: big gt
s = "a";
if (s != 1) { print("kinds differ"); } // expect: kinds differ
if (s == 1) { print("no"); }
t = true;
if (t == 1) { print("no"); } else { print("booleans are not numbers"); } // expect: booleans are not numbers
while (x > -3) { x = x - 4; }
print(x); // expect: -3
if (s < 1) { print("no"); } // expect-error: TypeError@21
