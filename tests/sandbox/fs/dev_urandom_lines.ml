// §1.4 readLines of /dev/urandom (invalid UTF-8 or endless): an error or the memory limit, never a crash
// args: --allow-read=/dev/urandom --max-memory 32M --timeout 10
// exit: 1 75
import file;
lines = file.readLines("/dev/urandom");
print(len(lines));
