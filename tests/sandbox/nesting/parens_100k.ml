// §3 10^5 nested parentheses: a diagnostic (nesting too deep), never a stack overflow; stderr stays small
// args: --timeout 20
// exit: 0 65
x = @{100000*(}@1@{100000*)}@;
print(x);
