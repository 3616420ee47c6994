// §2.2 `x = 5 // note` followed by `;` is floor division by the undefined variable `note`
x = 5 // note
;
print(x);
// expect-static: NameError@2
