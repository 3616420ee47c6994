// §1.4 control characters in a source excerpt are escaped: a program cannot write terminal escapes into an error report
// exit: 65
// stderr-no-control
x = 1 +[31m + "[2J]0;pwned" + ;
