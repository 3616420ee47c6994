// §12.16 csv.write_string: quoting, CR LF line ends, objects with a header row, arrays, single values
import csv;
print(repr(csv.write_string([{name: "ann", age: 31}, {name: "bob", age: 27}]))); // expect: "name,age\r\nann,31\r\nbob,27\r\n"
print(repr(csv.write_string([{name: "ann", age: 31}], ",", false))); // expect: "ann,31\r\n"
// Fields with the delimiter, a quote, CR or LF are quoted; quotes are doubled.
print(repr(csv.write_string([["plain", "a,b", "say \"hi\"", "x\ny", "cr\r", " sp "]], ",", false))); // expect: "plain,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"cr\r\", sp \r\n"
// Cells are display forms; null is an empty cell.
print(repr(csv.write_string([[1, 2.5, 1.0, -3, true, false, null, [1, "x"], {k: null}]], ",", false))); // expect: "1,2.5,1.0,-3,true,false,,\"[1, \"\"x\"\"]\",\"{\"\"k\"\": null}\"\r\n"
// Single values are rows of one cell; a lone empty cell (and an empty row) is written "".
print(repr(csv.write_string(["a", 2, "", null, []], ",", false))); // expect: "a\r\n2\r\n\"\"\r\n\"\"\r\n\"\"\r\n"
// Object rows follow the first object's keys; missing keys are empty cells; arrays stay as given.
print(repr(csv.write_string([{a: 1, b: 2}, {b: 3}, {b: 4, a: 5}, [7, 8, 9], "z"]))); // expect: "a,b\r\n1,2\r\n,3\r\n5,4\r\n7,8,9\r\nz\r\n"
// Without an object first, object rows are their values.
print(repr(csv.write_string([[1], {x: 2, y: 3}]))); // expect: "1\r\n2,3\r\n"
// A key the first object lacks is an error.
try { csv.write_string([{a: 1}, {a: 2, c: 3}]); } except (e) { print(e.type, e.message.find("\"c\"") >= 0); } // expect: ValueError true
// Other delimiters: the delimiter is what gets quoted.
print(repr(csv.write_string([["a;b", "c,d"]], ";", false))); // expect: "\"a;b\";c,d\r\n"
print(repr(csv.write_string([{"x y": "1\t2"}], "\t"))); // expect: "x y\r\n\"1\t2\"\r\n"
// Non-string keys are written by their display form.
o = {};
o[1] = "one";
o[true] = "yes";
print(repr(csv.write_string([o]))); // expect: "1,true\r\none,yes\r\n"
print(repr(csv.write_string([]))); // expect: ""
print(repr(csv.write_string([{}]))); // expect: "\"\"\r\n\"\"\r\n"
print(repr(csv.write_string([["é", "😀"]], ",", false))); // expect: "é,😀\r\n"
