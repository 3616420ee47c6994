// §11.7 format with an omitted or empty spec returns the display form of any value
print(format(42), format(3.0, ""), format("text", ""), format(null), format([1, "a"], ""), format({k: true})); // expect: 42 3.0 text null [1, "a"] {"k": true}
print(format(1e-5, ""), format(42.0), format(print, ""), format(true, null)); // expect: 1e-05 42.0 <function print> true
