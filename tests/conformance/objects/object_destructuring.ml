// §6.3 object destructuring assigns each name from the key of the same name
p = {name: "Ada", age: 36, extra: true};
{name, age} = p;
print(name, age); // expect: Ada 36
{extra} = p;
print(extra); // expect: true
{age, name} = {name: "Bob", age: 5};
print(name, age); // expect: Bob 5
a = "old";
b = "old";
try {
    {a, missing, b} = {a: "new", b: "new"};
} except (e) {
    print(e.type, a, b);
}
// expect: KeyError new old
try {
    {a} = [1];
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    {a} = "a";
} except (e) {
    print(e.type);
}
// expect: TypeError
calls = 0;
function source() {
    nonlocal calls;
    calls = calls + 1;
    return {x: 1, y: 2};
}
{x, y} = source();
print(x, y, calls); // expect: 1 2 1
