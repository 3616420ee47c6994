// §9.5 a trace of 100 distinct functions with 100 KB names (the source is trusted, the report is still bounded)
// args: --max-memory 256M --timeout 10
// exit: 1
// expect-error: RuntimeError
function @{100000*f}@(n) { if (n == 0) { throw {type: "RuntimeError", message: "deep"}; } return @{100000*g}@(n - 1); }
function @{100000*g}@(n) { return @{100000*f}@(n); }
@{100000*f}@(60);
