// §9.5 the line of an uncaught error raised in a called function is the line inside that function
function divide(a, b) {
    return a / b;
}
print(divide(1, 2)); // expect: 0.5
print(divide(1, 0));
// expect-error: ZeroDivisionError@3
