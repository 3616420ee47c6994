// A byte-order mark at the start is ignored (spec §2.1).
x = 1;
