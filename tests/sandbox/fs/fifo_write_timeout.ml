// §1.4 a write to a FIFO that no one reads blocks on open: --timeout still ends the run
// args: --allow-write=granted --timeout 1
// exit: 75
import file;
file.write("granted/fifo", "x" * 1000000);
print("never");
