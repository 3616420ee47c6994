// §12.10 file: exists, isFile, isDirectory, size, modifiedTime
// args: -A
import file;
import path;
import random;
d = path.join(path.tempDir(), "mlpy-conf-file-meta-" + str(random.nextInt()));
f = path.join(d, "data.bin");
print(file.exists(d), file.isFile(d), file.isDirectory(d)); // expect: false false false
file.writeBytes(f, range(200));
print(file.exists(d), file.isFile(d), file.isDirectory(d)); // expect: true false true
print(file.exists(f), file.isFile(f), file.isDirectory(f)); // expect: true true false
print(file.exists(path.join(f, "below-a-file")), file.isFile(path.join(f, "x"))); // expect: false false
print(file.size(f), typeof(file.size(f))); // expect: 200 number
t = file.modifiedTime(f);
print(typeof(t), isinstance(t, "float"), t > 1500000000.0); // expect: number true true
try { file.size(path.join(d, "missing")); } except (e) { print(e.type); } // expect: IOError
try { file.modifiedTime(path.join(d, "missing")); } except (e) { print(e.type); } // expect: IOError
try { file.exists(null); } except (e) { print(e.type); } // expect: TypeError
print(file.exists("metadata.ml"), file.isFile("./metadata.ml")); // expect: true true
path.removeDirRecursive(d);
