// §12.16 csv: malformed text is read as Python's csv module reads it (no text is refused)
import csv;
// A quote inside an unquoted field is an ordinary character.
print(csv.read_string('a"b,c\n', ",", false)); // expect: [["a\"b", "c"]]
// Characters after a closing quote continue the field.
print(csv.read_string('"ab"cd,e\n', ",", false)); // expect: [["abcd", "e"]]
print(csv.read_string('"a" ,b\n', ",", false)); // expect: [["a ", "b"]]
// A quoted field still open at the end of the text runs to the end.
print(csv.read_string('x,"abc\ndef', ",", false)); // expect: [["x", "abc\ndef"]]
print(csv.read_string('"', ",", false)); // expect: [[""]]
// Rows of different lengths are fine without headers.
print(csv.read_string("1\n1,2\n1,2,3\n", ",", false)); // expect: [["1"], ["1", "2"], ["1", "2", "3"]]
