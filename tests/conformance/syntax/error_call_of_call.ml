// §3.2 an argument list may not follow another argument list
print("never");
function f(a) { return f; } f(1)(2);
// expect-static: SyntaxError@3
