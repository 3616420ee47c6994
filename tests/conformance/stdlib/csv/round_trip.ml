// §12.16 csv: text written by write_string reads back to the same cells, with and without headers
import csv;
cells = ["plain", "", "a,b", "q\"uote", "\"", "\"\"", "line\nfeed", "cr\rret", "crlf\r\n", " lead", "trail ", "ünï😀", ",", ";", "\t"];
rows = [];
for (i in range(len(cells))) {
    rows.append([cells[i], cells[len(cells) - 1 - i], str(i)]);
}
for (d in [",", ";", "\t", "|"]) {
    back = csv.read_string(csv.write_string(rows, d, false), d, false);
    print(d == "\t" ? "tab" : d, back == rows, len(back));
}
// expect: , true 15
// expect: ; true 15
// expect: tab true 15
// expect: | true 15
objects = [];
for (i in range(len(cells))) {
    objects.append({"first col": cells[i], "sec,ond": cells[(i + 3) % len(cells)], "n": str(i)});
}
back = csv.read_string(csv.write_string(objects));
print(back == objects, keys(back[0])); // expect: true ["first col", "sec,ond", "n"]
// Values that are not strings come back as their display forms.
print(csv.read_string(csv.write_string([{n: 1, f: 2.5, b: true, z: null}]))); // expect: [{"n": "1", "f": "2.5", "b": "true", "z": ""}]
