// §7.5 each call of a factory creates new variables
function make(start) {
    value = start;
    function get() {
        return value;
    }
    function set(v) {
        nonlocal value;
        value = v;
    }
    return {get: get, set: set};
}
x = make(1);
y = make(100);
x.set(5);
print(x.get(), y.get()); // expect: 5 100
y.set(7);
print(x.get(), y.get()); // expect: 5 7
