// §3.2 empty blocks are allowed
if (true) {} elif (false) {} else {}
while (false) {}
for (i in []) {}
try {} except {} finally {}
try {} except (e) {}
try {} finally {}
try {}
function nothing() {}
print(nothing()); // expect: null
f = fn(x) => { x; };
print(f(1)); // expect: null
