// Indexing and every slice form (spec §5.9, §5.10).
a = s[0];
b = s[i + 1];
c = s[1:2];
d = s[1:];
e = s[:2];
f = s[:];
g = s[::2];
h = s[1::2];
i = s[:2:];
j = s[1:2:3];
k = s[::];
l = s[-1:];
m = m[0][1][2];
n = s[a ? 1 : 2 : 3];
