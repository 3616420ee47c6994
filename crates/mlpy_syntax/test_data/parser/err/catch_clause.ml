try {
    risky();
} catch (e) {
    print(e);
}
try {
} except e {
}
