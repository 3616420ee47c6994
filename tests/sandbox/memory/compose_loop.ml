// §1.4 functions made by functional.compose count toward the limit
// args: --max-memory 64M --timeout 10
// exit: 75
import functional;
g = fn(x) => x;
fs = [];
while (true) { fs.append(functional.compose(g, g, g, g)); }
