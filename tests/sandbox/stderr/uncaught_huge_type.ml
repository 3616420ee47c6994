// §9.5 an uncaught error whose type the program made 10 MB long: the report stays short
// args: --max-memory 256M --timeout 10
// exit: 1
// stderr: more characters]
throw {type: "E" * 10000000, message: "m"};
