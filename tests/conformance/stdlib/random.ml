// §12.9 random: one seeded generator shared with math.random, distributions and array helpers
import random;
import math;
print(random.setSeed(42), random.getSeed(), random.set_seed(7), random.get_seed()); // expect: 42 42 7 7
random.setSeed(2024);
first = [random.random(), random.randomInt(1, 7), random.nextInt(), math.random(), random.shuffle([1, 2, 3, 4])];
random.setSeed(2024);
again = [random.random(), random.randomInt(1, 7), random.nextInt(), math.random(), random.shuffle([1, 2, 3, 4])];
print(first == again); // expect: true
ok = true;
for (i in range(500)) {
    r = random.random();
    n = random.randomInt(-3, 3);
    d = random.randomInt();
    f = random.randomFloat(2, 3);
    u = random.uniform(-1, 1);
    k = random.nextInt();
    ok = ok && r >= 0 && r < 1 && n >= -3 && n <= 2 && d >= 0 && d < 100 && f >= 2 && f <= 3 && u >= -1 && u <= 1 && k >= 0 && k <= 4294967295;
}
print(ok); // expect: true
lst = [1, 2, 3, 4, 5];
print(sorted(random.shuffle(lst)), lst, sorted(random.sample(lst, 9)), len(random.sample(lst, 2)), random.sample(lst, 0)); // expect: [1, 2, 3, 4, 5] [1, 2, 3, 4, 5] [1, 2, 3, 4, 5] 2 []
print(random.choice([]), random.choice(["only"]), lst.index(random.choice(lst)) >= 0); // expect: null only true
picked = random.sample(lst, 3);
print(len(picked), picked[0] != picked[1] && picked[1] != picked[2] && picked[0] != picked[2]); // expect: 3 true
print(random.randomIndices(3, 5), random.random_indices(0, 2), len(random.randomIndices(100, 4))); // expect: [0, 1, 2] [] 4
print(typeof(random.randomNormal()), typeof(random.gaussian(5, 2)), typeof(random.random_normal(0, 1)), random.triangular(2, 2)); // expect: number number number 2.0
t = random.triangular(0, 10, 3);
print(t >= 0 && t <= 10, random.randomBoolWeighted(1), random.randomBoolWeighted(0), typeof(random.randomBool())); // expect: true true false boolean
cases = [
    fn() => random.randomInt(5, 5),
    fn() => random.sample(lst, -1),
    fn() => random.setSeed(1.5),
    fn() => random.choice("abc"),
    fn() => random.uniform(true, 2)
];
for (c in cases) {
    try {
        c();
        print("no error");
    } except (e) {
        print(e.type);
    }
}
// expect: ValueError
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: TypeError
