# json_roundtrip: parse a 5 MB JSON document and write it back, three times (see
# json_roundtrip.ml). Run in the directory where json_roundtrip.setup.py wrote the file.
import json


def checksum(doc):
    total = 0
    for r in doc["records"]:
        total = (total + r["id"] + len(r["bio"]) + len(r["history"])) % 1000000007
    return total


def main():
    with open("json_roundtrip.json", encoding="utf-8") as f:
        text = f.read()
    same = 0
    total = 0
    for _ in range(3):
        doc = json.loads(text)
        out = json.dumps(doc)
        if out == text:
            same = same + 1
        total = (total + checksum(doc)) % 1000000007
    print(len(text), len(doc["records"]), total, same)


main()
