// Tabs, form feeds and CRLF line ends are whitespace.
x	=	1;
y = 2;
z = "a
b";
