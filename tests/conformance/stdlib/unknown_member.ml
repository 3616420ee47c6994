// §5.11 §12.1 a member a standard module does not have: AttributeError, also under an alias and through a call (warned before the run)
import random;
import math as m;
try {
    random.seed(1);
} except (e) {
    print(e.type, e.line);
}
// expect: AttributeError 5
try {
    x = m.sqroot;
} except (e) {
    print(e.type, e.line);
}
// expect: AttributeError 11
print(m.sqrt(4), hasattr(random, "seed"), hasattr(random, "setSeed"));
// expect: 2.0 false true
print(m.tau);
// expect-error: AttributeError@18
