// §1.5 `mlpy run -` reads the program from standard input (here this very file); no grant comes with it
// run: -
// stdin: program
// stdout: from stdin
// stdout: false
print("from stdin");
print(hasCapability("file.read"));
