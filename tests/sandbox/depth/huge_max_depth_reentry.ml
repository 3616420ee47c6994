// §8 --max-depth 1000000 with recursion through call: no --max-depth value can overflow the Rust stack
// args: --max-depth 1000000 --max-memory 128M --timeout 30
// also-with: --profile
// exit: 1 75
function down(n) { return call(down, n + 1) + 1; }
down(0);
