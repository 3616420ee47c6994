import helpers;
function main() {
    return helpers.square(12) + helpers.cube(3);
}
print(main());
