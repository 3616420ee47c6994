// §12.11 path: exists, isFile, isDirectory, listDir, walk, glob over a fixture; createDir, removeDir, removeDirRecursive in a temporary directory
// args: -A
import path;
import file;
import random;
print(path.exists("fixture"), path.isDirectory("fixture"), path.isFile("fixture"), path.exists("fixture/none")); // expect: true true false false
print(path.isFile("fixture/a.txt"), path.isDirectory("fixture/a.txt")); // expect: true false
print(path.listDir("fixture")); // expect: [".hidden", "a.txt", "b.csv", "other", "sub"]
print(path.listDir("fixture/sub/deep"), path.listDir("./fixture/other/")); // expect: ["d.txt", "e.csv"] ["o.txt"]
print(len(path.listDir()) == len(path.listDir("."))); // expect: true
try { path.listDir("fixture/a.txt"); } except (e) { print(e.type); } // expect: IOError
try { path.listDir("fixture/none"); } except (e) { print(e.type); } // expect: IOError
// walk: files only, relative to dir, sorted, at most maxDepth levels down.
print(path.walk("fixture")); // expect: [".hidden", "a.txt", "b.csv", "other/o.txt", "sub/c.txt", "sub/deep/d.txt", "sub/deep/e.csv"]
print(path.walk("fixture", 0)); // expect: [".hidden", "a.txt", "b.csv"]
print(path.walk("fixture", 1)); // expect: [".hidden", "a.txt", "b.csv", "other/o.txt", "sub/c.txt"]
print(path.walk("fixture/sub", -1), path.walk("fixture/sub/deep/")); // expect: ["c.txt", "deep/d.txt", "deep/e.csv"] ["d.txt", "e.csv"]
try { path.walk("fixture", -2); } except (e) { print(e.type); } // expect: ValueError
try { path.walk("fixture", 1.5); } except (e) { print(e.type); } // expect: TypeError
try { path.walk("fixture/a.txt"); } except (e) { print(e.type); } // expect: IOError
try { path.walk("fixture/none"); } except (e) { print(e.type); } // expect: IOError
// glob: relative patterns give relative results, sorted.
print(path.glob("fixture/*.txt"), path.glob("fixture/?.csv")); // expect: ["fixture/a.txt"] ["fixture/b.csv"]
print(path.glob("fixture/*/*.txt")); // expect: ["fixture/other/o.txt", "fixture/sub/c.txt"]
print(path.glob("fixture/**/*.csv")); // expect: ["fixture/b.csv", "fixture/sub/deep/e.csv"]
print(path.glob("fixture/sub/**")); // expect: ["fixture/sub/c.txt", "fixture/sub/deep", "fixture/sub/deep/d.txt", "fixture/sub/deep/e.csv"]
print(path.glob("fixture/s*"), path.glob("fixture/*/deep/?.*")); // expect: ["fixture/sub"] ["fixture/sub/deep/d.txt", "fixture/sub/deep/e.csv"]
print(path.glob("fixture/a.txt"), path.glob("fixture/none.txt"), path.glob("fixture/*.none"), path.glob("none/*")); // expect: ["fixture/a.txt"] [] [] []
print(path.glob("./fixture/*.csv")); // expect: ["./fixture/b.csv"]
print(path.glob("fix*") , path.glob("fixture/**/deep")); // expect: ["fixture"] ["fixture/sub/deep"]
g = path.glob(path.absolute("fixture") + "/*.csv");
print(len(g), path.isAbsolute(g[0]), path.basename(g[0])); // expect: 1 true b.csv
try { path.glob("fixture/*/../*"); } except (e) { print(e.type); } // expect: ValueError
try { path.glob(""); } except (e) { print(e.type); } // expect: ValueError
// createDir, removeDir, removeDirRecursive.
d = path.join(path.tempDir(), "mlpy-conf-path-dirs-" + str(random.nextInt()));
print(path.createDir(path.join(d, "a/b/c"))); // expect: null
print(path.isDirectory(path.join(d, "a/b/c"))); // expect: true
print(path.createDir(path.join(d, "a/b/c")), path.createDir(path.join(d, "a"), false)); // expect: null null
try { path.createDir(path.join(d, "x/y"), false); } except (e) { print(e.type); } // expect: IOError
print(path.createDir(path.join(d, "x"), false), path.isDirectory(path.join(d, "x"))); // expect: null true
file.write(path.join(d, "f.txt"), "x");
try { path.createDir(path.join(d, "f.txt")); } except (e) { print(e.type); } // expect: IOError
try { path.createDir(path.join(d, "p"), "yes"); } except (e) { print(e.type); } // expect: TypeError
print(path.removeDir(path.join(d, "x")), path.exists(path.join(d, "x"))); // expect: null false
try { path.removeDir(path.join(d, "a")); } except (e) { print(e.type); } // expect: IOError
try { path.removeDir(path.join(d, "none")); } except (e) { print(e.type); } // expect: IOError
try { path.removeDir(path.join(d, "f.txt")); } except (e) { print(e.type); } // expect: IOError
file.write(path.join(d, "a/b/c/deep.txt"), "x");
print(path.walk(d)); // expect: ["a/b/c/deep.txt", "f.txt"]
print(path.removeDirRecursive(path.join(d, "a")), path.listDir(d)); // expect: null ["f.txt"]
try { path.removeDirRecursive(path.join(d, "f.txt")); } except (e) { print(e.type); } // expect: IOError
try { path.removeDirRecursive(path.join(d, "none")); } except (e) { print(e.type); } // expect: IOError
print(path.removeDirRecursive(d), path.exists(d)); // expect: null false
