// The two meanings of `//` (spec §2.2).
x = 10 // 3; // note
x = 5 // note
;
if (x) // note
{
    y = x // 2;
} elif (y) // note
{
} else // note
{
} // after a block
while (x) // note
{
    x = x - 1;
}
for (v in items) // note
{
}
function half(n) // note
{
    return n // 2;
}
try {
} except (e) // note
{
}
a = f(x) // 2;
b = (x) // 2;
c = arr[0] // 2;
d = o.if // 2;
e = {a: 1} // 2;
f2 = true // 2;
g = null // 2;
h = "s" // 2;
k = 7.5 // 2;
m = fn(x) // note
    => x // 2;
n = fn() => { return 1; } // note
;
p = [1] // 2;
