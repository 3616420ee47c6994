// §7.2 a binding in a function shadows a builtin only inside that function
function count_items(items) {
    len = 0;
    for (item in items) {
        len = len + 1;
    }
    return len;
}
print(count_items(["a", "b", "c"]), len("abcd")); // expect: 3 4
function with_param(print) {
    return print;
}
print(with_param("param shadows print")); // expect: param shadows print
function reads_before() {
    r = typeof(1);
    typeof = fn(v) => "mine";
    return r;
}
try {
    reads_before();
} except (e) {
    print(e.type);
}
// expect: NameError
print(typeof(1)); // expect: number
