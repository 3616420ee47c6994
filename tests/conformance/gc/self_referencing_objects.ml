// §4.4 a program that creates 1,000,000 self-referencing objects finishes (cyclic garbage is reclaimed)
count = 0;
i = 0;
while (i < 1000000) {
    o = {id: i};
    o.self = o;
    count = count + 1;
    i = i + 1;
}
print(count, o.self.self.id); // expect: 1000000 999999
