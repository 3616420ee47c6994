// §5.10 slicing strings counts code points
s = "Hello, World";
print(s[0], s[-5:], s[::-1]); // expect: H World dlroW ,olleH
print(repr(s[3:7]), s[-3:-1], repr(s[::3]), repr(s[100:]), repr(s[7:5:-1])); // expect: "lo, " rl "Hl r" "" "W "
u = "añb😀c";
print(u[1:4], u[::-1], u[-2:], len(u[3:])); // expect: ñb😀 c😀bña 😀c 2
