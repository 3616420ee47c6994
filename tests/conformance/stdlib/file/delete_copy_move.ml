// §12.10 file: delete, copy and move
// args: -A
import file;
import path;
import random;
d = path.join(path.tempDir(), "mlpy-conf-file-dcm-" + str(random.nextInt()));
a = path.join(d, "a.txt");
b = path.join(d, "b.txt");
file.write(a, "content");
print(file.copy(a, b)); // expect: null
print(file.read(a), file.read(b)); // expect: content content
file.write(b, "changed");
print(file.read(a)); // expect: content
file.copy(a, b);
print(file.read(b)); // expect: content
print(file.move(b, path.join(d, "c.txt"))); // expect: null
print(file.exists(b), file.read(path.join(d, "c.txt"))); // expect: false content
file.move(path.join(d, "c.txt"), a);
print(file.read(a), file.exists(path.join(d, "c.txt"))); // expect: content false
path.createDir(path.join(d, "dir"));
file.move(a, path.join(d, "dir/moved.txt"));
print(path.listDir(d), path.listDir(path.join(d, "dir"))); // expect: ["dir"] ["moved.txt"]
file.move(path.join(d, "dir"), path.join(d, "renamed"));
print(path.listDir(d), file.read(path.join(d, "renamed/moved.txt"))); // expect: ["renamed"] content
// Failures: a missing source, a directory to copy, a missing destination directory.
try { file.copy(path.join(d, "none"), b); } except (e) { print(e.type); } // expect: IOError
try { file.copy(path.join(d, "renamed"), b); } except (e) { print(e.type); } // expect: IOError
try { file.copy(path.join(d, "renamed/moved.txt"), path.join(d, "no/such/dir/x")); } except (e) { print(e.type); } // expect: IOError
try { file.move(path.join(d, "none"), b); } except (e) { print(e.type); } // expect: IOError
try { file.copy(1, b); } except (e) { print(e.type); } // expect: TypeError
try { file.copy(path.join(d, "renamed/moved.txt"), path.join(d, "renamed/./moved.txt")); } except (e) { print(e.type); } // expect: IOError
print(file.read(path.join(d, "renamed/moved.txt"))); // expect: content
print(file.exists(b)); // expect: false
// delete: true after removing a file, false if nothing is there, a directory: ValueError.
x = path.join(d, "renamed/moved.txt");
print(file.delete(x), file.exists(x)); // expect: true false
print(file.delete(x)); // expect: false
try { file.delete(path.join(d, "renamed")); } except (e) { print(e.type); } // expect: ValueError
print(path.isDirectory(path.join(d, "renamed"))); // expect: true
path.removeDirRecursive(d);
print(file.exists(d)); // expect: false
