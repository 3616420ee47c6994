// §1.4 the same limit for `csv.write`, whose text is made before the file is written
// args: --max-memory 64M --timeout 20 --allow-write=granted
// exit: 75
// stderr: LimitExceeded
// must-not-exist: granted/big.csv
import csv;
s = "y" * 100000;
rows = [[s, s, s, s, s]] * 1000;
csv.write("granted/big.csv", rows, ",", false);
print("written");
