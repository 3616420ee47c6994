// §12.1 §5.12 one call site calling members of different modules, and module functions as values
import collections;
import functional;
import math;
function rev(m, x) {
    return m.reverse(x);
}
out = [];
for (i in range(3)) {
    out.append(rev(collections, [1, 2]));
    out.append(rev(functional, "ab"));
}
print(out); // expect: [[2, 1], ["b", "a"], [2, 1], ["b", "a"], [2, 1], ["b", "a"]]
total = 0;
for (i in range(1000)) {
    total = total + math.floor(math.sqrt(i));
}
print(total); // expect: 20584
try {
    math.nope(1);
} except (e) {
    print(e.type); // expect: AttributeError
}
