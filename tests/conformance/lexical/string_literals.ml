// §2.6 both quote characters delimit strings; the other quote may appear unescaped; line breaks are allowed
print('single', "double", 'a "b" c', "a 'b' c"); // expect: single double a "b" c a 'b' c
print('single' == "single", len(''), len(""), "" == ''); // expect: true 0 0 true
s = "line1
line2";
print(len(s), s);
// expect: 11 line1
// expect: line2
print("// not a comment", '/* nor this */'); // expect: // not a comment /* nor this */
print("é日本😀", len("é日本😀")); // expect: é日本😀 4
