// §1.4 readBytes of /dev/zero (an array of ints, 8 or 16 bytes an item): the memory limit ends the run
// args: --allow-read=/dev/zero --max-memory 64M --timeout 10
// exit: 75
import file;
b = file.readBytes("/dev/zero");
print(len(b));
