// fields: 2 million iterations, each reading and updating two fields of one object
// (`p.x = p.x + 1`). Measures member reads and member assignment on objects.

function main() {
    p = {x: 0, y: 0, name: "point"};
    n = 2000000;
    i = 0;
    while (i < n) {
        p.x = p.x + 1;
        p.y = p.y + p.x % 7;
        i = i + 1;
    }
    print(p.x, p.y);
}

main();
