// §3.1 an array literal holds expressions separated by commas: no list comprehensions
xs = [1, 2, 3];
doubled = [x * 2 for x in xs];
evens = [x for x in xs if x % 2 == 0];
// expect-static: SyntaxError@3
// expect-static: SyntaxError@4
