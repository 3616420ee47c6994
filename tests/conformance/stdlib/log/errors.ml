// §12.17, §12.1 log: unknown levels and formats raise ValueError; arguments of the wrong kind TypeError
import log;
for (name in ["verbose", "", "warnings", "INFO "]) {
    try { log.set_level(name); print("accepted", repr(name)); } except (e) { print(e.type, e.message.find("log.set_level") >= 0); }
}
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
try { log.set_format("xml"); } except (e) { print(e.type); } // expect: ValueError
try { log.set_level(10); } except (e) { print(e.type); } // expect: TypeError
try { log.set_format(null); } except (e) { print(e.type); } // expect: TypeError
try { log.set_timestamp("no"); } except (e) { print(e.type); } // expect: TypeError
try { log.info("x", 5); } except (e) { print(e.type); } // expect: TypeError
try { log.info("x", ["a"]); } except (e) { print(e.type); } // expect: TypeError
try { log.info(); } except (e) { print(e.type); } // expect: TypeError
try { log.info("a", {}, 3); } except (e) { print(e.type); } // expect: TypeError
try { log.is_debug(1); } except (e) { print(e.type); } // expect: TypeError
try { log.create_logger(); } except (e) { print(e.type); } // expect: TypeError
try { log.create_logger(5); } except (e) { print(e.type); } // expect: TypeError
try { log.add_file(5); } except (e) { print(e.type); } // expect: TypeError
try { log.Logger; } except (e) { print(e.type); } // expect: AttributeError
// A failed setting leaves the logger as it was.
log.set_timestamp(false);
log.info("still INFO, text"); // expect: INFO: still INFO, text
