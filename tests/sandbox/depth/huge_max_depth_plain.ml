// §8 --max-depth 1000000 with plain ML recursion: the memory limit or a RecursionError ends it, never a crash
// args: --max-depth 1000000 --max-memory 128M --timeout 30
// exit: 1 75
function down(n) { return down(n + 1) + 1; }
down(0);
