// Shortest float text when two shortest strings are equally near (spec 4.8: the digits
// of Rust's `{:e}`, which differ from Python's repr here).
print(1e16 / 14, -655303312944344.25, [714285714285714.25]);
print(0.1 + 0.2, 1e16, 1.5e-7, 2.675, 1e308 * 10, -0.0);
