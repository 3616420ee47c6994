// §1.4 an object with ever more keys
// args: --max-memory 64M --timeout 10
// exit: 75
o = {};
i = 0;
while (true) { o[str(i) + "-key"] = [i]; i = i + 1; }
