// §2.1 carriage returns, tabs and form feeds are whitespace (this file has CRLF line ends)
x	=	1	+2;
print(x); // expect: 3
if (x == 3)
{
	print("crlf ok");
}
// expect: crlf ok
s = "a	b";
print(len(s)); // expect: 3
