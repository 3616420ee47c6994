// §5.2 a STRING key denotes the string's value with escapes processed; a NAME key its spelling
o = {"a\nb": 1, "'x'": 2, "\x41": 3, "": 4, "two words": 5, 'sq': 6};
print(keys(o)); // expect: ["a\nb", "'x'", "A", "", "two words", "sq"]
print(o["A"], o["'x'"], o[""], o.sq); // expect: 3 2 4 6
p = {true: 1, "true": 2};
print(p, len(p)); // expect: {"true": 2} 1
