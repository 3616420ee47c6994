// §6.12 nonlocal refers to the nearest enclosing scope that binds the name
x = "top";
function outer() {
    x = "outer";
    function middle() {
        function inner() {
            nonlocal x;
            x = "changed by inner";
        }
        inner();
    }
    middle();
    return x;
}
print(outer(), x); // expect: changed by inner top
function two_names() {
    a = 1;
    b = 2;
    function swap() {
        nonlocal a, b;
        t = a;
        a = b;
        b = t;
    }
    swap();
    return [a, b];
}
print(two_names()); // expect: [2, 1]
function shadow() {
    v = "outer v";
    function inner() {
        v = "local v";
        return v;
    }
    return [inner(), v];
}
print(shadow()); // expect: ["local v", "outer v"]
