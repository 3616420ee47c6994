// §10.1 startswith and endswith with optional start and end
print("Hello".startswith("He"), "Hello".startswith("lo", 3), "Hello".startswith("He", 1), "Hello".startswith("")); // expect: true true false true
print("Hello".endswith("lo"), "Hello".endswith("l", 0, 4), "Hello".endswith("Hello!"), "Hello".endswith("el", null, 3)); // expect: true true false true
print("Hello".startswith("llo", -3), "Hello".startswith("H", null, null)); // expect: true true
