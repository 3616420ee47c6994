// §12.16, §14.2 csv: a write grant writes; append also needs file.read, and read needs it too
// args: --allow-write
import csv;
import file;
import path;
import random;
f = path.join(path.tempDir(), "mlpy-conf-csv-wo-" + str(random.nextInt()) + ".csv");
print(csv.write(f, [{a: 1, b: 2}])); // expect: null
try { csv.read(f); } except (e) { print(e.type, e.message.find("file.read") >= 0); } // expect: CapabilityError true
try { csv.append(f, [3, 4]); } except (e) { print(e.type, e.message.find("file.read") >= 0); } // expect: CapabilityError true
print(file.delete(f)); // expect: true
