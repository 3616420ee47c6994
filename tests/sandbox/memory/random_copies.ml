// §1.4 random.shuffle and random.sample copy their argument: reserved before the copy
// args: --max-memory 64M --timeout 10
// exit: 75
import random;
a = range(3000000);
r = random.shuffle(a); r2 = random.sample(a, 3000000); r3 = random.shuffle(a);
print(len(r) + len(r2) + len(r3));
