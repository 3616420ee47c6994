// §1.4 a 3 GB string repetition is refused before it is allocated; the message echoes the limit as written
// args: --max-memory 64M --timeout 10
// exit: 75
// stdout: start
// stderr: 64M
print("start");
s = "a" * 3000000000;
print(len(s));
