// §9.5 an uncaught throw ends the program with status 1 after the output already written
print("before"); // expect: before
throw {message: "fatal"};
print("not reached");
// expect-error: UserError@3
