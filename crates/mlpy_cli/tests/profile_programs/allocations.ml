// `build` allocates 50,000 objects; `read` only reads them.
function build() {
    items = [];
    for (i in range(50000)) {
        items.append({id: i, name: "item"});
    }
    return items;
}
function read(items) {
    total = 0;
    for (item in items) {
        total = total + item.id;
    }
    return total;
}
items = build();
print(read(items));
