// §11.2 conversions between huge integers and text stay exact and subquadratic: 3,000,000 digits each way in seconds
// args: --timeout 20
// stdout: 3000000 9
// stdout: 3000000 9
// max-time: 20
s = "9" * 3000000;
x = int(s);
print(len(s), x % 10);
t = str(x);
print(len(t), int(t[len(t) - 1]));
