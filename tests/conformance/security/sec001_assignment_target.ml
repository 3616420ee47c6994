// §15 SEC001 applies to every identifier occurrence, assignment targets and parameters included
print("never");
function run(compile) { return compile; }
// expect-static: SEC001@3
