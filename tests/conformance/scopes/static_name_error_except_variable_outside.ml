// §7.2 §7.4 the except variable is not bound outside its block
try {
    x = 1 / 0;
} except (problem) {
}
print(problem);
// expect-static: NameError@6
