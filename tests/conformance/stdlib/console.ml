// §12.2 console: print-like output, level words, return values
import console;
console.log(true, null, 1.0, "s", [true]); // expect: true null 1.0 s [true]
console.info("ready"); // expect: INFO: ready
console.debug("x", {a: 1}); // expect: DEBUG: x {"a": 1}
console.debug(); // expect: DEBUG:
console.log(); // expect:
console.warn("to standard error");
console.error("also to standard error");
print(console.log("once"), console.error("e"), console.warn()); // expect: once
// expect: null null null
log = console.log;
log("as a value"); // expect: as a value
