// §12.17 log: JSON records are one json.stringify line with message, level, logger, then data
import log;
import json;
log.set_timestamp(false);
log.set_format("json");
log.info("started"); // expect: {"message": "started", "level": "INFO", "logger": "default"}
log.warn("disk low", {free: 1.5, unit: "GB"}); // expect: {"message": "disk low", "level": "WARN", "logger": "default", "data": {"free": 1.5, "unit": "GB"}}
log.error("é \"q\"\n", {list: [1, null, true], n: {}}); // expect: {"message": "\u00e9 \"q\"\n", "level": "ERROR", "logger": "default", "data": {"list": [1, null, true], "n": {}}}
log.critical("c", {}); // expect: {"message": "c", "level": "CRITICAL", "logger": "default"}
log.info(2.0); // expect: {"message": "2.0", "level": "INFO", "logger": "default"}
log.debug("hidden");
log.set_level("DEBUG");
log.debug("d"); // expect: {"message": "d", "level": "DEBUG", "logger": "default"}
// A record parses back as JSON.
log.set_format("text");
log.info("back to text"); // expect: INFO: back to text
log.set_format("JSON");
log.info("x", {a: 1}); // expect: {"message": "x", "level": "INFO", "logger": "default", "data": {"a": 1}}
// Data that JSON cannot hold is a ValueError, as for json.stringify; nothing is written.
try { log.info("bad", {f: print}); } except (e) { print(e.type); } // expect: ValueError
cyc = {};
cyc.self = cyc;
try { log.info("bad", cyc); } except (e) { print(e.type); } // expect: ValueError
// With the default text format, the same data is written by display forms.
log.set_format("text");
log.info("fine", {f: len}); // expect: INFO: fine | f=<function len>
