// §7.4 member names, object-literal keys and parameter annotations are not name-checked
o = {undefined_key: 1, another: 2};
print(o.undefined_key, o.not_a_variable); // expect: 1 null
function f(p: NotAType) {
    return p;
}
print(f("ok")); // expect: ok
