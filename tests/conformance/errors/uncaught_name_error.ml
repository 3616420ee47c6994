// §5.3 §9.5 reading a variable that has no value raises NameError at run time
function f() {
    return later;
}
print("calling"); // expect: calling
f();
later = 1;
// expect-error: NameError@3
