// §12.17, §14.5 log.add_file: needs file.append; without it CapabilityError and no file; logging to standard output needs nothing
import log;
log.set_timestamp(false);
try { log.add_file("denied.log"); } except (e) { print(e.type, e.message.find("file.append") >= 0, e.message.find("--allow-write") >= 0); } // expect: CapabilityError true true
app = log.create_logger("app");
try { app.add_file("denied.log"); } except (e) { print(e.type, e.message.find("file.append") >= 0); } // expect: CapabilityError true
app.set_timestamp(false);
app.info("still to standard output"); // expect: INFO: still to standard output
log.warn("module too"); // expect: WARNING: module too
print(hasCapability("file.append")); // expect: false
