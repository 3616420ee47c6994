// §5.11 §5.12 one call site calling a method on objects whose keys are laid out differently
function make(order, tag) {
    o = {};
    for (k in order) {
        o[k] = k;
    }
    o.describe = fn() => tag;
    return o;
}
objects = [make(["a", "b"], "first"), make(["b"], "second"), make([], "third"), make(["a", "b", "c"], "fourth")];
out = [];
for (round in range(2)) {
    for (o in objects) {
        out.append(o.describe());
    }
}
print(out); // expect: ["first", "second", "third", "fourth", "first", "second", "third", "fourth"]
// A method replaced between calls, and one removed: the call site sees the change.
o = objects[0];
o.describe = fn() => "replaced";
print(o.describe()); // expect: replaced
counter = {n: 0, bump: fn() => 1};
total = 0;
for (i in range(5)) {
    total = total + counter.bump();
}
print(total); // expect: 5
try {
    {x: 1}.describe();
} except (e) {
    print(e.type); // expect: AttributeError
}
