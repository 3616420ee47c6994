a = x ?? y;
b = [...xs];
c = `template ${x}`;
d = @decorator;
