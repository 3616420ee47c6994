// §9.5 builtins quote their argument in messages: int() of a 10 MB string that is not a number
// args: --max-memory 256M --timeout 10
// exit: 1
// expect-error: ValueError
x = int("z" * 10000000);
