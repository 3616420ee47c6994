// §7.2 a top-level binding shadows a builtin for the whole file; builtin.NAME still reaches it
function max(a, b) {
    return "mine";
}
print(max(1, 2), builtin.max(1, 2), builtin.max([4, 9, 2])); // expect: mine 2 9
function use_max() {
    return max(3, 4);
}
print(use_max()); // expect: mine
str = "shadowed";
print(str, builtin.str(12) + "!", "value: " + 12); // expect: shadowed 12! value: 12
len = fn(x) => -1;
print(len("abc"), builtin.len("abc")); // expect: -1 3
