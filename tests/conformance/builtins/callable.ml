// §11.3 callable(v) is true exactly for functions
function named() {
}
print(callable(print), callable(named), callable(fn() => 1), callable("s".upper), callable(builtin.len)); // expect: true true true true true
print(callable(builtin), callable({}), callable("print"), callable(iter([])), callable(null), callable(0), callable([print])); // expect: false false false false false false false
