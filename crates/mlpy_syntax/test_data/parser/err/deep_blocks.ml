if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
if (a) {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
