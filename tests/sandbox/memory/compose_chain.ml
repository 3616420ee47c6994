// §1.4 a chain of compose (each wrapping the previous) counts toward the limit
// args: --max-memory 64M --timeout 10
// exit: 75
import functional;
f = fn(x) => x;
while (true) { f = functional.compose(f, fn(x) => x); }
