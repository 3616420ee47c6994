// §3.2 §5.13 arrow function bodies: object literal, block or expression
empty = fn() => {};
spaced = fn() => { };
mk = fn(k) => {value: k};
mk2 = fn(k) => {"quoted": k, other: 2};
blk = fn(x) => { return x * 2; };
print(empty(), spaced(), mk(1), mk2(3), blk(4)); // expect: {} {} {"value": 1} {"quoted": 3, "other": 2} 8
nothing = fn() => { y = 1; };
bare = fn() => { return; };
print(nothing(), bare()); // expect: null null
inc = fn(x) => x + 1;
print(inc(1)); // expect: 2
pick = fn(c) => c ? "yes" : "no";
print(pick(true), pick(0)); // expect: yes no
add = fn(a) => fn(b) => a + b;
add3 = add(3);
print(add3(4)); // expect: 7
ten = fn() => 10;
print(ten()); // expect: 10
fs = [fn() => { return 1; }, fn() => 2];
f0 = fs[0];
f1 = fs[1];
print(f0(), f1()); // expect: 1 2
obj = {m: fn() => { return "m"; }, n: 5};
print(obj.m(), obj.n); // expect: m 5
print(call(fn(x) => { return x * 3; }, 5), call(fn(x) => x + 1, 5)); // expect: 15 6
c = true ? fn() => { return "t"; } : fn() => { return "f"; };
print(c()); // expect: t
two = fn(a, b) => [b, a];
print(two(1, 2)); // expect: [2, 1]
