// §1.4 reading /dev/zero with a read grant for it grows a string without end: the memory limit ends the run
// args: --allow-read=/dev/zero --max-memory 64M --timeout 10
// exit: 75
// stderr: 64M
import file;
s = file.read("/dev/zero");
print(len(s));
