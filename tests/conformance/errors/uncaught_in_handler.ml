// §9.5 an error raised inside an except handler is uncaught if nothing else handles it
try {
    x = 1 / 0;
} except (e) {
    print("handled", e.type); // expect: handled ZeroDivisionError
    y = e.type + 1 - 1;
}
// expect-error: TypeError@6
