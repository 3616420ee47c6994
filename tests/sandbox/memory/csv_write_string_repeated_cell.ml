// §1.4 rows that repeat one 1 MB string are a small value but a huge CSV text: the text is
// counted as it is written, so it stops at the limit instead of taking 400 MB first
// args: --max-memory 64M --timeout 20
// exit: 75
// stderr: LimitExceeded
// stderr: the CSV text
import csv;
s = "x" * 1000000;
row = [];
for (i in range(400)) { row.append(s); }
t = csv.write_string([row], ",", false);
print(len(t));
