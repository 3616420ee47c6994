function f() {
    return 1
}
while (x) { break }
