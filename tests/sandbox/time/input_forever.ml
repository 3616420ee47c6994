// §1.4 input() on a standard input that never closes nor sends a line: --timeout ends the run
// args: --timeout 1
// stdin: open
// exit: 75
// stdout: waiting
print("waiting");
line = input();
print("never", line);
