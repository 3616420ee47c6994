// §6.9 §6.11 a top-level return inside try runs the finally block, then ends the program
try {
    print("in try");
    return;
} finally {
    print("finally at top level");
}
print("not reached");
// expect: in try
// expect: finally at top level
