// §1.4 functions made by functional.partial count toward the limit
// args: --max-memory 64M --timeout 10
// exit: 75
import functional;
g = fn(a, b) => a + b;
fs = [];
i = 0;
while (true) { fs.append(functional.partial(g, i, i)); i = i + 1; }
