// §12.17 log.create_logger: Logger objects with the same methods and their own settings
import log;
log.set_timestamp(false);
app = log.create_logger("app");
db = log.create_logger("db");
print(typeof(app), isinstance(app, "Logger"), app.name, db.name); // expect: object true app db
app.set_timestamp(false);
db.set_timestamp(false);
db.set_format("json");
db.set_level("debug");
app.info("from app"); // expect: INFO: from app
db.debug("from db", {q: "select"}); // expect: {"message": "from db", "level": "DEBUG", "logger": "db", "data": {"q": "select"}}
app.debug("hidden: app keeps INFO");
log.debug("hidden: the default logger keeps INFO");
print(app.is_debug(), db.is_debug(), log.is_debug()); // expect: false true false
log.info("default is still text"); // expect: INFO: default is still text
app.set_level("error");
app.warn("hidden");
app.critical("crit", {n: 1}); // expect: CRITICAL: crit | n=1
// Methods are bound: they can be stored and called later.
w = db.warn;
w("bound"); // expect: {"message": "bound", "level": "WARN", "logger": "db"}
// Setting the default logger does not touch the others.
log.set_level("critical");
db.info("db still at DEBUG"); // expect: {"message": "db still at DEBUG", "level": "INFO", "logger": "db"}
// Errors name the method.
try { app.set_level("verbose"); } except (e) { print(e.type, e.message.find("Logger.set_level") >= 0); } // expect: ValueError true
try { app.nope(); } except (e) { print(e.type); } // expect: AttributeError
try { app.info(); } except (e) { print(e.type); } // expect: TypeError
print(requiredCapabilities(app.add_file), requiredCapabilities(app.info)); // expect: ["file.append"] []
anon = log.create_logger("");
anon.set_timestamp(false);
anon.set_format("json");
anon.error("e"); // expect: {"message": "e", "level": "ERROR", "logger": ""}
