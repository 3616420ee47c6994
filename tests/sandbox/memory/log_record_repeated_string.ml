// §1.4 a log record whose data repeats one 1 MB string 400 times is counted as it is
// built, in text and in JSON records
// args: --max-memory 64M --timeout 20
// exit: 75
// stderr: LimitExceeded
import log;
s = "x" * 1000000;
d = {};
for (i in range(400)) { d["k" + str(i)] = s; }
log.info("m", d);
