// §14.2 §14.5 without --allow-read nothing is readable; the uncaught denial names the flag
// expect-error: CapabilityError
// stderr: file.read
// stderr: --allow-read
import file;
print(file.read("granted/data.txt"));
