// a module imported by main.ml
function twice(x) {
    return x * 2;
}
double = fn(x) => x * 2;
count = 0;
