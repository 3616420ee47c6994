// json_roundtrip: parse a 5 MB JSON document and write it back, three times.
// The document (json_roundtrip.json, written by json_roundtrip.setup.py with Python's
// json.dumps) holds 9,000 records of nested objects and arrays, escaped and non-ASCII
// strings, ints (some beyond 2^63) and floats. json.stringify writes the same text as
// json.dumps, so each round checks that stringify(parse(text)) is the text itself.
// Measures json.parse and json.stringify; the checksum walks the records once a round.
// Run with --allow-read=json_roundtrip.json (json_roundtrip.args).
import file;
import json;

function checksum(doc) {
    total = 0;
    for (r in doc.records) {
        total = (total + r.id + len(r.bio) + len(r.history)) % 1000000007;
    }
    return total;
}

function main() {
    text = file.read("json_roundtrip.json");
    same = 0;
    total = 0;
    doc = null;
    for (round in range(3)) {
        doc = json.parse(text);
        out = json.stringify(doc);
        if (out == text) {
            same = same + 1;
        }
        total = (total + checksum(doc)) % 1000000007;
    }
    print(len(text), len(doc.records), total, same);
}

main();
