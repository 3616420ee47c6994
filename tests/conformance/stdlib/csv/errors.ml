// §12.16, §12.1 csv: the delimiter must be one ASCII character; arguments of the wrong kind raise TypeError
import csv;
for (d in ["", "ab", "\"", "\n", "\r", "§"]) {
    try { csv.read_string("a", d); print("accepted", repr(d)); } except (e) { print(e.type, e.message.find("delimiter") >= 0); }
}
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
try { csv.write_string([["a"]], ";;"); } except (e) { print(e.type); } // expect: ValueError
try { csv.read_string("a", 1); } except (e) { print(e.type); } // expect: TypeError
try { csv.read_string("a", null); } except (e) { print(e.type); } // expect: TypeError
try { csv.read_string("a", ",", "yes"); } except (e) { print(e.type); } // expect: TypeError
try { csv.read_string(5); } except (e) { print(e.type, e.message.find("csv.read_string") >= 0); } // expect: TypeError true
try { csv.write_string({a: 1}); } except (e) { print(e.type); } // expect: TypeError
try { csv.write_string("a,b"); } except (e) { print(e.type); } // expect: TypeError
try { csv.read_string(); } except (e) { print(e.type); } // expect: TypeError
try { csv.write_string([[1]], ",", true, "extra"); } except (e) { print(e.type); } // expect: TypeError
try { csv.read("x.csv", ",", true, 5); } except (e) { print(e.type); } // expect: TypeError
try { csv.nope("x"); } except (e) { print(e.type); } // expect: AttributeError
// Wrong-kind errors come before the capability check; a bad delimiter too.
try { csv.read("x.csv", ";;"); } except (e) { print(e.type); } // expect: ValueError
try { csv.read("x.csv", ",", true, "ebcdic"); } except (e) { print(e.type); } // expect: ValueError
print(requiredCapabilities(csv.read), requiredCapabilities(csv.write), requiredCapabilities(csv.append)); // expect: ["file.read"] ["file.write"] ["file.append", "file.read"]
print(requiredCapabilities(csv.count_rows), requiredCapabilities(csv.get_headers), requiredCapabilities(csv.read_string), requiredCapabilities(csv.write_string)); // expect: ["file.read"] ["file.read"] [] []
