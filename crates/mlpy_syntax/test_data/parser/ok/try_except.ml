// `try` / `except` / `finally` (spec §6.11).
try {
    risky();
} except (e) {
    print(e.message);
}
try {
} except {
}
try {
} finally {
}
try {
}
try {
    a();
} except (first) {
} except {
} except (third) {
} finally {
    cleanup();
}
