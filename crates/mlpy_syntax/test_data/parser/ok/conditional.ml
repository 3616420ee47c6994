// Conditional expressions (spec §3.3, §5.8).
a = c ? 1 : 2;
b = a ? b : c ? d : e;
c = (c ? 1 : 2) + 5;
d = x > 5 ? "big" : "small";
e = a || b ? c && d : e;
f = a ? b ? c : d : e;
g = (a ? b : c) ? d : e;
h = arr[i ? 0 : 1];
