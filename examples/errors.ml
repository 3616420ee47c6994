// errors.ml — runtime errors and how to handle them.
// Shows: try/except/finally, built-in error kinds, error objects (message,
// type, line and custom fields), throw with custom fields and a custom type,
// re-throwing with context, finally running on every exit path.
// Run: cargo run --release -- run examples/errors.ml

// Runs `action` and describes the error it raises, if any. Messages of
// built-in errors are implementation-defined, so only their kind is printed.
function attempt(label, action) {
    try {
        result = action();
        print(label.ljust(22), "ok:", result);
    } except (e) {
        print(label.ljust(22), "error:", e.type);
    }
}

config = {a: 1};
attempt("integer division", fn() => 7 // 2);
attempt("divide by zero", fn() => 1 / 0);
attempt("index out of range", fn() => [1, 2, 3][3]);
attempt("missing key", fn() => config["b"]);
attempt("member read gives null", fn() => config.b);
attempt("bad operand", fn() => "n" - 1);
attempt("bad number", fn() => int("12abc"));
attempt("unknown method", fn() => "text".shout());
attempt("deep recursion", fn() => {
    function down(n) {
        return down(n + 1) + 1;
    }
    return down(0);
});

// throw takes an object; its fields travel with the error object.
function parse_age(text) {
    if (!text.isdigit()) {
        throw {type: "ValidationError", message: "not a number: " + text, field: "age"};
    }
    age = int(text);
    if (age > 150) {
        throw {message: "implausible age", field: "age", value: age};
    }
    return age;
}

for (raw in ["42", "abc", "200"]) {
    try {
        print("age", parse_age(raw));
    } except (e) {
        print(e.type + ":", e.message, "| field:", e.field, "| value:", e.value, "| line:", e.line);
        print("  keys:", keys(e), "error?", isinstance(e, "error"));
    }
}

// finally runs after normal completion, after an error and on return.
log = [];
function guarded(step) {
    log.append("start " + step);
    try {
        if (step == 2) {
            throw {message: "step failed"};
        }
        if (step == 3) {
            return "early";
        }
        log.append("body " + step);
    } except (e) {
        log.append("caught '" + e + "'");
    } finally {
        log.append("cleanup " + step);
    }
    return "done";
}
print(guarded(1), guarded(2), guarded(3));
print(log);

// Wrapping a low-level error in a higher-level one keeps the original kind.
function load_config(settings, name) {
    try {
        return settings[name];
    } except (e) {
        throw {type: "ConfigError", message: "no setting '" + name + "'", cause: e.type};
    }
}
settings = {host: "localhost", port: 8080};
try {
    print("port", load_config(settings, "port"));
    print("user", load_config(settings, "user"));
} except (e) {
    print(e.type, "-", e.message, "- caused by", e.cause);
    saved = e;
}
print("saved error:", saved, typeof(saved), saved.type);

// A return in finally overrides a pending error.
function swallow() {
    try {
        throw {message: "lost"};
    } finally {
        return "finally wins";
    }
}
print(swallow());
