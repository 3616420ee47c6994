// §12.17 log: text records on standard output, levels and their filtering, data entries
import log;
log.set_timestamp(false);
print(log.info("started")); // expect: INFO: started
// expect: null
log.debug("not written: the default level is INFO");
print(log.is_debug()); // expect: false
log.warn("disk low", {free: 1.5, unit: "GB"}); // expect: WARNING: disk low | free=1.5, unit=GB
log.error("failed", {code: 3, tags: ["a", "b"], who: null, ok: false}); // expect: ERROR: failed | code=3, tags=["a", "b"], who=null, ok=false
log.critical("down", {}); // expect: CRITICAL: down
log.info("no data", null); // expect: INFO: no data
log.info(42); // expect: INFO: 42
log.info([1, "x"], {nested: {k: "v"}}); // expect: INFO: [1, "x"] | nested={"k": "v"}
o = {};
o[1] = "one";
log.info("keys", o); // expect: INFO: keys | 1=one
log.set_level("debug");
print(log.is_debug()); // expect: true
log.debug("now written"); // expect: DEBUG: now written
log.set_level("Warning");
log.info("hidden");
log.warn("shown"); // expect: WARNING: shown
log.set_level("WARN");
log.warn("still shown"); // expect: WARNING: still shown
log.set_level("ERROR");
log.warn("hidden");
log.error("e"); // expect: ERROR: e
log.critical("c"); // expect: CRITICAL: c
log.set_level("critical");
log.error("hidden");
log.critical("only critical"); // expect: CRITICAL: only critical
print(log.is_debug()); // expect: false
log.set_level("info");
// Records go where print goes, in order.
print("between");
log.info("after"); // expect: between
// expect: INFO: after
// The functions are values like any other.
f = log.info;
f("through a variable"); // expect: INFO: through a variable
call(log.warn, "through call"); // expect: WARNING: through call
