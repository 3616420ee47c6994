// §1.4 the same record in JSON
// args: --max-memory 64M --timeout 20
// exit: 75
// stderr: LimitExceeded
import log;
log.set_format("json");
s = "x" * 1000000;
d = {};
for (i in range(400)) { d["k" + str(i)] = s; }
log.info("m", d);
