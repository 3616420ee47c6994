// §2.2 `//` starts a comment after `=`, `(`, `,`, operators, keywords, heads and blocks
x = // after =
    4;
print(x); // expect: 4
print( // after (
    1, // after ,
    2 + // after an operator
    3);
// expect: 1 5
if (x == 4) // after the ) of an if head
{ // after {
    print("then");
} // after the } of a block
else // after else
{
    print("else");
}
// expect: then
function f(a) // after a parameter list
{
    return // after return
        a * 2;
}
print(f(21)); // expect: 42
g = fn() => { return 7; } // after the } of an arrow function's block body
;
print(g()); // expect: 7
while (x > 3) // after a while head
{
    x = x - 1;
}
print(x); // expect: 3
for (i in [1]) // after a for head
{
    print(i);
}
// expect: 1
try {
    throw {message: "m"};
} except (e) // after an except head
{
    print(e.message);
}
// expect: m
y = ! // after !
    false;
print(y); // expect: true
