// §12.10 control: writing, appending and deleting inside the grant work
// args: --allow-read=granted --allow-write=granted
// stdout: one
// stdout: two
// stdout: true false
// must-not-exist: granted/out/log.txt
import file;
import path;
file.write("granted/out/log.txt", "one\n");
file.append("granted/out/log.txt", "two\n");
for (line in file.readLines("granted/out/log.txt")) { print(line); }
print(file.delete("granted/out/log.txt"), file.delete("granted/out/log.txt"));
