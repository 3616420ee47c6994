// §15 SEC002 dunder-name: member names after `.` beginning with two underscores are rejected
o = {};
print(o.__class__);
// expect-static: SEC002@3
