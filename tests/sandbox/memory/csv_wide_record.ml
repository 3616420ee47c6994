// §12.16 one CSV record of 20 million empty cells: the reader's buffers and the cells are reserved first (4 GB and 6 s before)
// args: --max-memory 64M --timeout 10
// exit: 75
import csv;
t = "," * 20000000;
r = csv.read_string(t, ",", false);
r2 = csv.read_string(t);
print(len(r) + len(r2));
