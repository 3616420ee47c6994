// §12.16, §14.2 csv: a read grant for one directory reads there; writing and appending (file.append) stay denied
// args: --allow-read=fixture
import csv;
print(csv.read("fixture/people.csv")); // expect: [{"name": "ann", "city": "Paris, FR", "score": "91"}, {"name": "bob", "city": "Köln", "score": "78"}, {"name": "carl \"c\"", "city": "Oslo", "score": "85"}]
print(csv.count_rows("fixture/people.csv"), csv.get_headers("fixture/people.csv")); // expect: 3 ["name", "city", "score"]
print(csv.read("fixture/semi.csv", ";", false)); // expect: [["a", "b"], ["1", "2"]]
try { csv.read("read_grant.ml"); } except (e) { print(e.type, e.message.find("--allow-read") >= 0); } // expect: CapabilityError true
try { csv.write("fixture/out.csv", [[1]]); } except (e) { print(e.type, e.message.find("file.write") >= 0); } // expect: CapabilityError true
// append needs file.read and file.append: the read grant alone is not enough.
try { csv.append("fixture/people.csv", ["dan", "Oslo", 70]); } except (e) { print(e.type, e.message.find("file.append") >= 0); } // expect: CapabilityError true
print(csv.count_rows("fixture/people.csv")); // expect: 3
