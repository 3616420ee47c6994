if x {
    y = 1;
}
while x {
}
if (x) y = 1;
for x in items {
}
for (x of items) {
}
ok = 1;
