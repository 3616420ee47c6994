// §8 §9.5 an uncaught RecursionError ends the program with status 1
function loop(n) {
    return loop(n + 1);
}
print("start"); // expect: start
loop(0);
// expect-error: RecursionError@3
