// §3.2 §6.4 function definitions may appear inside functions and blocks
function outer() {
    function inner(x) {
        return x * 2;
    }
    return inner(21);
}
print(outer()); // expect: 42
if (true) {
    function chosen() {
        return "first";
    }
} else {
    function chosen() {
        return "second";
    }
}
print(chosen()); // expect: first
for (i in [1, 2]) {
    function step() {
        return i;
    }
}
print(step()); // expect: 2
while (true) {
    function once() {
        return "once";
    }
    break;
}
print(once()); // expect: once
try {
    function guarded() {
        return "guarded";
    }
} finally {
}
print(guarded()); // expect: guarded
