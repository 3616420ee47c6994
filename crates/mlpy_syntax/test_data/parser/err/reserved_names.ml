function if() {
}
for (in in items) {
}
g = fn(null, x: while) => 1;
[a, return] = pair;
{a, true} = obj;
import a.for;
nonlocal break;
