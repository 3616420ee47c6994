// §12.11 path: the pure functions (no capability needed)
import path;
print(path.join("a", "b", "c"), path.join("a/", "b"), path.join("a", "/b", "c"), path.join("a")); // expect: a/b/c a/b /b/c a
print(path.join("/", "x"), path.join("", "x"), path.join("a", "")); // expect: /x x a/
print(path.dirname("a/b/"), path.dirname("a/b"), path.dirname("/a"), repr(path.dirname("a")), path.dirname("/")); // expect: a/b a / "" /
print(repr(path.basename("a/b/")), path.basename("a/b.txt"), path.basename("x")); // expect: "" b.txt x
print(repr(path.extname(".bashrc")), path.extname("a.tar.gz"), path.extname("a."), repr(path.extname("dir.d/file"))); // expect: "" .gz . ""
print(path.extname("/x/.config.json"), repr(path.extname("")), repr(path.extname("..."))); // expect: .json "" ""
print(path.split("a/b/c.txt"), path.split("c.txt"), path.split("/c"), path.split("a/")); // expect: ["a/b", "c.txt"] ["", "c.txt"] ["/", "c"] ["a", ""]
print(path.normalize(""), path.normalize("a//b/./c/.."), path.normalize("../a/../.."), path.normalize("/../a/")); // expect: . a/b ../.. /a
print(path.normalize("./"), path.normalize("a/.."), path.normalize("//x//y/"), path.normalize("a/b/../../../c")); // expect: . . /x/y ../c
print(path.isAbsolute("/a"), path.isAbsolute("a/b"), path.isAbsolute(""), path.isAbsolute("~/x")); // expect: true false false false
print(path.separator(), path.delimiter()); // expect: / :
print(path.isAbsolute(path.cwd()), path.basename(path.cwd())); // expect: true path
print(path.absolute("x/../y") == path.join(path.cwd(), "y"), path.absolute("/a/./b/../c")); // expect: true /a/c
print(path.absolute("~") == path.home(), path.absolute("~/q") == path.join(path.home(), "q")); // expect: true true
print(path.cwd() == path.absolute("."), path.absolute("") == path.cwd()); // expect: true true
print(path.relative("/a/b", "/a/c/d"), path.relative("/a/b", "/a/b"), path.relative("/", "/x"), path.relative("/x/y", "/")); // expect: ../c/d . x ../..
print(path.relative(".", "fixture/sub"), path.relative("fixture/sub", "."), path.relative("fixture", "/")  == path.relative(path.absolute("fixture"), "/")); // expect: fixture/sub ../.. true
print(path.isAbsolute(path.home()), path.isAbsolute(path.tempDir())); // expect: true true
print(requiredCapabilities(path.join), requiredCapabilities(path.absolute), requiredCapabilities(path.cwd)); // expect: [] [] []
try { path.join(); } except (e) { print(e.type); } // expect: TypeError
try { path.join("a", 1); } except (e) { print(e.type); } // expect: TypeError
try { path.dirname(null); } except (e) { print(e.type); } // expect: TypeError
try { path.cwd(1); } except (e) { print(e.type); } // expect: TypeError
