// §14.5 denied reads of long paths are CapabilityErrors the program can catch, quickly
// args: --max-memory 256M --timeout 10
// stdout: CapabilityError 200000
import file;
p = "z/" * 100000;
try { x = file.read(p); } except (e) { print(e.type, len(p)); }
