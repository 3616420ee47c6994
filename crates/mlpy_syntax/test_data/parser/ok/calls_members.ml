// Calls, method calls and member access; reserved words as member names (spec §2.4).
f();
f(1);
f(1, 2, 3);
obj.m(1);
s.strip().upper();
f().g();
x = o.a.b.c;
y = o.if + o.null + o.true + o.function;
o.return(1).while();
z = a[0].b(c)[1];
print("hello", f(g(h(1))));
