// §1.4 control: a program that stays well under --max-memory 64M runs to its end
// args: --max-memory 64M --timeout 10
// stdout: 1000000 499999500000
a = range(1000000);
print(len(a), sum(a));
