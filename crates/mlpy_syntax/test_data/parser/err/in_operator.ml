a = x in items;
if (x in items) {
}
