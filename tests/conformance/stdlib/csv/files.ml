// §12.16 csv: read, write, append, count_rows and get_headers on files; encodings; IOError and ValueError
// args: -A
import csv;
import file;
import path;
import random;
d = path.join(path.tempDir(), "mlpy-conf-csv-" + str(random.nextInt()));
f = path.join(d, "sub/people.csv");
rows = [{name: "ann", city: "Paris, FR", score: 91}, {name: "bob", city: "Köln", score: 78}];
print(csv.write(f, rows)); // expect: null
print(repr(file.read(f))); // expect: "name,city,score\r\nann,\"Paris, FR\",91\r\nbob,Köln,78\r\n"
print(csv.read(f)); // expect: [{"name": "ann", "city": "Paris, FR", "score": "91"}, {"name": "bob", "city": "Köln", "score": "78"}]
print(csv.read(f, ",", false)); // expect: [["name", "city", "score"], ["ann", "Paris, FR", "91"], ["bob", "Köln", "78"]]
print(csv.count_rows(f), csv.count_rows(f, ",", false), csv.get_headers(f)); // expect: 2 3 ["name", "city", "score"]
// append: an object's values are ordered by the file's header row; missing keys are empty.
print(csv.append(f, {score: 85, name: "carl \"c\""})); // expect: null
print(csv.append(f, ["dan", "Oslo", 70])); // expect: null
print(csv.append(f, "lone")); // expect: null
print(repr(file.read(f))); // expect: "name,city,score\r\nann,\"Paris, FR\",91\r\nbob,Köln,78\r\n\"carl \"\"c\"\"\",,85\r\ndan,Oslo,70\r\nlone\r\n"
print(csv.count_rows(f)); // expect: 5
try { csv.append(f, {name: "x", age: 3}); } except (e) { print(e.type, e.message.find("\"age\"") >= 0); } // expect: ValueError true
print(csv.count_rows(f)); // expect: 5
// append to a missing file: an object writes its keys as the header row first.
g = path.join(d, "new/log.csv");
csv.append(g, {when: "mon", n: 1});
csv.append(g, {n: 2, when: "tue"});
print(repr(file.read(g))); // expect: "when,n\r\nmon,1\r\ntue,2\r\n"
// append to a file without a final line break starts a new line.
h = path.join(d, "nofinal.csv");
file.write(h, "a,b\n1,2");
csv.append(h, {b: 4, a: 3});
print(csv.read(h)); // expect: [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]
// Other delimiters, and headers=false.
csv.write(h, [[1, "x;y"], [2, "z"]], ";", false);
print(repr(file.read(h)), csv.read(h, ";", false), csv.count_rows(h, ";", false)); // expect: "1;\"x;y\"\r\n2;z\r\n" [["1", "x;y"], ["2", "z"]] 2
csv.append(h, {"x;y": "w", "1": 3}, ";");
print(csv.get_headers(h, ";"), csv.read(h, ";")); // expect: ["1", "x;y"] [{"1": "2", "x;y": "z"}, {"1": "3", "x;y": "w"}]
// Encodings: utf-8 by default, latin-1 and ascii as for file.
csv.write(h, [{ville: "Zoë"}], ",", true, "latin-1");
print(file.readBytes(h)); // expect: [118, 105, 108, 108, 101, 13, 10, 90, 111, 235, 13, 10]
print(csv.read(h, ",", true, "latin-1"), csv.read(h, ",", true, "ISO-8859-1")); // expect: [{"ville": "Zoë"}] [{"ville": "Zoë"}]
try { csv.read(h); } except (e) { print(e.type, e.message.find("UTF-8") >= 0); } // expect: ValueError true
// Only the header row is decoded by get_headers; count_rows decodes nothing.
print(csv.get_headers(h), csv.count_rows(h)); // expect: ["ville"] 1
file.writeBytes(h, [97, 255, 10, 49, 10]);
try { csv.get_headers(h); } except (e) { print(e.type); } // expect: ValueError
try { csv.write(h, [["€"]], ",", false, "latin-1"); } except (e) { print(e.type); } // expect: ValueError
csv.write(h, [["ok"]], ",", false, "UTF-8");
print(csv.read(h, ",", false, "utf8")); // expect: [["ok"]]
try { csv.read(h, ",", true, "klingon"); } except (e) { print(e.type); } // expect: ValueError
// Empty files.
file.write(h, "");
print(csv.read(h), csv.read(h, ",", false), csv.count_rows(h), csv.get_headers(h)); // expect: [] [] 0 []
// Failures of the operating system are IOErrors.
missing = path.join(d, "missing.csv");
try { csv.read(missing); } except (e) { print(e.type); } // expect: IOError
try { csv.count_rows(missing); } except (e) { print(e.type); } // expect: IOError
try { csv.get_headers(missing); } except (e) { print(e.type); } // expect: IOError
try { csv.read(d); } except (e) { print(e.type); } // expect: IOError
try { csv.write(d, [[1]]); } except (e) { print(e.type); } // expect: IOError
try { csv.append(d, [1]); } except (e) { print(e.type); } // expect: IOError
path.removeDirRecursive(d);
print(path.exists(d)); // expect: false
