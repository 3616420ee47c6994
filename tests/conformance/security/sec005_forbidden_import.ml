// §15 SEC005 forbidden-import: importing `os` is rejected
print("never");
import os;
// expect-static: SEC005@3
