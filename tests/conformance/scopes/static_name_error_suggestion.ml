// §7.4 a static NameError for a misspelled name (a suggestion is implementation text)
counter = 1;
print(conter + 1);
// expect-static: NameError@3
