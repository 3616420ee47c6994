// §15 SEC005 forbidden-import: a dotted name beginning with `subprocess.` is rejected
print("never");
import subprocess.run as r;
// expect-static: SEC005@3
