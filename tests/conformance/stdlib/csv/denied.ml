// §12.16, §14.5 csv: the file functions need their capabilities; without a grant each raises CapabilityError and changes nothing
import csv;
calls = [
    ["read", fn() => csv.read("fixture/people.csv")],
    ["write", fn() => csv.write("fixture/out.csv", [[1]])],
    ["count_rows", fn() => csv.count_rows("fixture/people.csv")],
    ["get_headers", fn() => csv.get_headers("fixture/people.csv")],
    ["append", fn() => csv.append("fixture/people.csv", [1])]
];
for (c in calls) {
    try {
        g = c[1];
        g();
        print(c[0], "allowed");
    } except (e) {
        print(c[0], e.type, e.message.find("file.") >= 0);
    }
}
// expect: read CapabilityError true
// expect: write CapabilityError true
// expect: count_rows CapabilityError true
// expect: get_headers CapabilityError true
// expect: append CapabilityError true
// The string functions need nothing.
print(csv.read_string("a\n1\n")); // expect: [{"a": "1"}]
