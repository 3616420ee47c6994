// §12.17 log.add_file: records are also appended to files (file.append), by the module and by Loggers
// args: -A
import log;
import file;
import path;
import random;
d = path.join(path.tempDir(), "mlpy-conf-log-" + str(random.nextInt()));
f = path.join(d, "sub/app.log");
log.set_timestamp(false);
log.info("before the file"); // expect: INFO: before the file
print(log.add_file(f)); // expect: null
print(file.exists(f), file.size(f)); // expect: true 0
log.info("one", {k: 1}); // expect: INFO: one | k=1
log.debug("filtered out");
log.set_format("json");
log.error("two"); // expect: {"message": "two", "level": "ERROR", "logger": "default"}
print(repr(file.read(f))); // expect: "INFO: one | k=1\n{\"message\": \"two\", \"level\": \"ERROR\", \"logger\": \"default\"}\n"
// Adding the same file again does not write records twice.
log.add_file(f);
log.set_format("text");
log.warn("three"); // expect: WARNING: three
print(len(file.readLines(f))); // expect: 3
// A Logger appends to its own files; existing content is kept.
g = path.join(d, "db.log");
file.write(g, "old line\n");
db = log.create_logger("db");
db.set_timestamp(false);
db.add_file(g);
db.info("db record"); // expect: INFO: db record
print(file.readLines(g)); // expect: ["old line", "INFO: db record"]
print(len(file.readLines(f))); // expect: 3
// Two loggers may share a file.
db.add_file(f);
db.critical("shared"); // expect: CRITICAL: shared
print(file.readLines(f)[3]); // expect: CRITICAL: shared
// A directory cannot be logged to.
try { log.add_file(d); } except (e) { print(e.type); } // expect: IOError
try { db.add_file(d); } except (e) { print(e.type); } // expect: IOError
path.removeDirRecursive(d);
print(path.exists(d)); // expect: false
