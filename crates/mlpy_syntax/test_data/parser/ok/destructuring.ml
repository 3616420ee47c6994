// Destructuring assignments (spec §6.3) and the statement-start rules (spec §3.2).
[a, b] = [1, 2];
[x] = "y";
[first, second, third] = f();
{a, b} = obj;
{only} = obj;
{x, y, z} = point(1, 2, 3);
