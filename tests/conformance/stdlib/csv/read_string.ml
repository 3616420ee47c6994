// §12.16 csv.read_string: headers to objects, quotes, embedded line breaks, delimiters, line endings
import csv;
// Headers: each later record becomes an object under the header names.
rows = csv.read_string("name,age\nann,31\nbob,27\n");
print(rows); // expect: [{"name": "ann", "age": "31"}, {"name": "bob", "age": "27"}]
print(typeof(rows[0]["age"]), len(rows)); // expect: string 2
// Extra cells are ignored, missing cells are absent, empty rows are skipped.
print(csv.read_string("a,b\n1,2,3\n4\n\n\n5,6\n")); // expect: [{"a": "1", "b": "2"}, {"a": "4"}, {"a": "5", "b": "6"}]
// Quoted fields: delimiters, doubled quotes, line breaks (LF, CR LF, CR) inside.
text = 'id,note\r\n1,"x, y"\r\n2,"say ""hi"""\r\n3,"two\nlines"\r\n4,"cr\r\nlf"\r\n5,""\r\n';
for (r in csv.read_string(text)) {
    print(repr(r["id"]), repr(r["note"]));
}
// expect: "1" "x, y"
// expect: "2" "say \"hi\""
// expect: "3" "two\nlines"
// expect: "4" "cr\r\nlf"
// expect: "5" ""
// Records end at LF, CR LF or a lone CR; no final line break is needed.
print(csv.read_string("a\r1\r\n2\n3", ",", false)); // expect: [["a"], ["1"], ["2"], ["3"]]
// Without headers: arrays of strings, every record (blank lines are no records).
print(csv.read_string("a,b\n\n1,,3\n", ",", false)); // expect: [["a", "b"], ["1", "", "3"]]
print(csv.read_string("x\n", ",", true), csv.read_string("", ",", true), csv.read_string("", ",", false)); // expect: [] [] []
// Other delimiters.
print(csv.read_string("a;b\n1;\"2;3\"\n", ";")); // expect: [{"a": "1", "b": "2;3"}]
print(csv.read_string("a\tb\n1\t2,3\n", "\t")); // expect: [{"a": "1", "b": "2,3"}]
print(csv.read_string("a|b\n1|2\n", "|", false)); // expect: [["a", "b"], ["1", "2"]]
// Spaces are kept; a quote starts a quoted field only at the start of a field.
print(csv.read_string(' a , "b" \n', ",", false)); // expect: [[" a ", " \"b\" "]]
// A repeated header keeps its first position and its last cell.
print(csv.read_string("k,v,k\n1,2,3\n")); // expect: [{"k": "3", "v": "2"}]
// A quoted empty cell is a row (not a blank line).
print(csv.read_string('a\n""\n')); // expect: [{"a": ""}]
// Unicode cells and header names.
r = csv.read_string("名前,ville\n\"Zoë, ünïcode\",Köln 😀\n")[0];
print(r["名前"], r.ville, len(r.ville)); // expect: Zoë, ünïcode Köln 😀 6
// Each row is a new object; the header strings are shared but rows are independent.
rows = csv.read_string("a\n1\n2\n");
rows[0]["a"] = "changed";
print(rows); // expect: [{"a": "changed"}, {"a": "2"}]
