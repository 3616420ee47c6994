// §12.10 file: write, read, readLines, append, writeLines, readBytes, writeBytes, encodings
// args: -A
import file;
import path;
import random;
d = path.join(path.tempDir(), "mlpy-conf-file-rw-" + str(random.nextInt()));
f = path.join(d, "sub/deeper/a.txt");
print(file.write(f, "héllo\nworld\r\nlast")); // expect: null
print(path.isDirectory(path.join(d, "sub/deeper"))); // expect: true
print(repr(file.read(f))); // expect: "héllo\nworld\r\nlast"
print(file.readLines(f)); // expect: ["héllo", "world", "last"]
print(file.size(f)); // expect: 18
print(file.append(f, "\n")); // expect: null
print(file.readLines(f)); // expect: ["héllo", "world", "last"]
file.append(path.join(d, "new/b.txt"), "x");
file.append(path.join(d, "new/b.txt"), "y");
print(file.read(path.join(d, "new/b.txt"))); // expect: xy
file.write(f, "");
print(repr(file.read(f)), file.readLines(f), file.readBytes(f)); // expect: "" [] []
file.write(f, "\n\n");
print(file.readLines(f)); // expect: ["", ""]
print(file.writeLines(f, ["a", 1, 2.5, null, [1, "x"], {k: true}])); // expect: null
print(repr(file.read(f))); // expect: "a\n1\n2.5\nnull\n[1, \"x\"]\n{\"k\": true}\n"
file.writeLines(f, []);
print(file.size(f)); // expect: 0
print(file.writeBytes(f, [0, 1, 127, 128, 255])); // expect: null
print(file.readBytes(f)); // expect: [0, 1, 127, 128, 255]
print(file.size(f)); // expect: 5
file.write(f, "é€");
print(file.readBytes(f)); // expect: [195, 169, 226, 130, 172]
// Encodings: utf-8 always; latin-1 and ascii too.
file.write(f, "café", "latin-1");
print(file.readBytes(f), file.read(f, "latin1"), file.read(f, "ISO-8859-1")); // expect: [99, 97, 102, 233] café café
file.write(f, "plain", "ascii");
print(file.read(f, "ascii"), file.read(f, "UTF-8"), file.read(f, "utf8")); // expect: plain plain plain
file.write(f, "ok", "utf-8");
print(file.readLines(f, "utf-8")); // expect: ["ok"]
try { file.read(f, "ebcdic"); } except (e) { print(e.type); } // expect: ValueError
try { file.write(f, "x", "klingon"); } except (e) { print(e.type); } // expect: ValueError
try { file.write(f, "€", "latin-1"); } except (e) { print(e.type); } // expect: ValueError
try { file.write(f, "é", "ascii"); } except (e) { print(e.type); } // expect: ValueError
print(file.read(f)); // expect: ok
file.writeBytes(f, [255, 254, 0]);
try { file.read(f); } except (e) { print(e.type); } // expect: ValueError
try { file.readLines(f); } except (e) { print(e.type); } // expect: ValueError
try { file.read(f, "ascii"); } except (e) { print(e.type); } // expect: ValueError
print(file.read(f, "latin-1") == "ÿþ\u{0}"); // expect: true
// writeBytes: ints 0-255 only; the file is left as it was.
try { file.writeBytes(f, [1, 256]); } except (e) { print(e.type); } // expect: ValueError
try { file.writeBytes(f, [-1]); } except (e) { print(e.type); } // expect: ValueError
try { file.writeBytes(f, ["a"]); } except (e) { print(e.type); } // expect: ValueError
try { file.writeBytes(f, [1.0]); } except (e) { print(e.type); } // expect: ValueError
try { file.writeBytes(f, [true]); } except (e) { print(e.type); } // expect: ValueError
print(file.readBytes(f)); // expect: [255, 254, 0]
// Wrong kinds of arguments.
try { file.read(1); } except (e) { print(e.type); } // expect: TypeError
try { file.read(f, null); } except (e) { print(e.type); } // expect: TypeError
try { file.write(f, 1); } except (e) { print(e.type); } // expect: TypeError
try { file.writeLines(f, "abc"); } except (e) { print(e.type); } // expect: TypeError
try { file.writeBytes(f, "abc"); } except (e) { print(e.type); } // expect: TypeError
try { file.read(); } except (e) { print(e.type); } // expect: TypeError
// Failures of the operating system.
try { file.read(path.join(d, "missing.txt")); } except (e) { print(e.type); } // expect: IOError
try { file.readLines(path.join(d, "missing.txt")); } except (e) { print(e.type); } // expect: IOError
try { file.readBytes(path.join(d, "missing.txt")); } except (e) { print(e.type); } // expect: IOError
try { file.read(d); } except (e) { print(e.type); } // expect: IOError
try { file.write(d, "x"); } except (e) { print(e.type); } // expect: IOError
try { file.append(d, "x"); } except (e) { print(e.type); } // expect: IOError
try { file.write(path.join(f, "under-a-file.txt"), "x"); } except (e) { print(e.type); } // expect: IOError
try { file.read(path.join(d, "missing.txt")); } except (e) { print(e.message.find("missing.txt") >= 0); } // expect: true
path.removeDirRecursive(d);
print(path.exists(d)); // expect: false
