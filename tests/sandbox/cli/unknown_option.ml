// §1.5 a mistyped grant is a usage error with a did-you-mean, and the program does not run
// args: --allow-reed=granted
// exit: 64
// stderr: --allow-read
print("ran");
