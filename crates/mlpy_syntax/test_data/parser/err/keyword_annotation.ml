function f(x: if, y: 5) {
}
