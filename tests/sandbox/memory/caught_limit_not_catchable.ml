// §1.4 a limit is not catchable: try/except and finally do not keep the program going
// args: --max-memory 64M --timeout 10
// exit: 75
// stdout: start
print("start");
try {
    s = "a" * 3000000000;
} except (e) {
    print("caught", e.type);
} finally {
    print("finally must not print after a limit");
}
print("after");
