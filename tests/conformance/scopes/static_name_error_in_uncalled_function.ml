// §7.4 the static check covers function bodies that are never called
print("never");
function unused() {
    return missing_name;
}
// expect-static: NameError@4
