// §1.4 padding a string to three billion characters is refused before it is allocated
// args: --max-memory 64M --timeout 10
// exit: 75
s = "x".center(3000000000);
print(len(s));
