// §9.3 error objects support everything an object supports
try {
    x = [1][3];
} except (e) {
    e.note = "added";
    e["count"] = 2;
    print(keys(e), e.note); // expect: ["message", "type", "line", "note", "count"] added
    e.message = "replaced";
    print(e); // expect: replaced
    for (k in e) {
        print(k);
    }
    // expect: message
    // expect: type
    // expect: line
    // expect: note
    // expect: count
    {type, line} = e;
    print(type, line); // expect: IndexError 3
    kept = e;
}
print(kept.type, kept == kept, isinstance(kept, "error")); // expect: IndexError true true
