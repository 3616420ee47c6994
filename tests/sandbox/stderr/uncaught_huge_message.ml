// §9.5 an uncaught error whose message the program made 10 MB long: the report shows its start and counts the rest
// args: --max-memory 256M --timeout 10
// exit: 1
// stderr: more characters]
throw {message: "x" * 10000000};
