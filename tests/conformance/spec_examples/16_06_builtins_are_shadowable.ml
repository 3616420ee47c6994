function max(a, b) { // §16.6 Builtins are shadowable (the program is verbatim; line numbers are the specification's)
    return "mine";
}
print(max(1, 2), builtin.max(1, 2), builtin.max([4, 9, 2]));
function count_items(items) {
    len = 0;
    for (item in items) {
        len = len + 1;
    }
    return len;
}
print(count_items(["a", "b", "c"]), len("abcd"));
str = "shadowed";
print(str, builtin.str(12) + "!", "value: " + 12);
// expect: mine 2 9
// expect: 3 4
// expect: shadowed 12! value: 12
