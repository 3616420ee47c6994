// §4.4 §7.5 building and dropping cyclic object graphs with closures repeatedly finishes
function node(value) {
    n = {value: value, children: []};
    n.parent = n;
    n.get = fn() => n.value;
    return n;
}
sum_values = 0;
for (r in range(100000)) {
    root = node(r);
    for (j in range(5)) {
        child = node(j);
        child.parent = root;
        root.children.append(child);
    }
    sum_values = sum_values + len(root.children);
}
print(sum_values, root.get(), root.children[4].parent.value, root.children[4].get()); // expect: 500000 99999 99999 4
