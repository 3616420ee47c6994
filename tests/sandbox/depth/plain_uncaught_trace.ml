// §9.5 an uncaught RecursionError 400,000 frames deep: the trace folds repeated frames (stderr stays small)
// args: --max-depth 400000 --timeout 30
// also-with: --profile
// max-rss: 2G
// expect-error: RecursionError
function down(n) { return down(n + 1) + 1; }
down(0);
