// §3.2 import statements may appear only at the top level
print("never");
function f() { import helper; }
// expect-static: SyntaxError@3
