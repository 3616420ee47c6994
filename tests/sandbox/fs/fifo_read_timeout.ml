// §1.4 a read of a FIFO that no one writes blocks: --timeout still ends the run with the limit's status
// args: --allow-read=granted --timeout 1
// exit: 75
import file;
print(file.read("granted/fifo"));
print("never");
