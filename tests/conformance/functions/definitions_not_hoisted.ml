// §6.4 definitions are not hoisted: calling a function before its definition has run raises NameError
print("start"); // expect: start
g();
function g() {
    print("never");
}
// expect-error: NameError@3
