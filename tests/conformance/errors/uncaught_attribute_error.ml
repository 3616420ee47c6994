// §9.2 §9.5 an uncaught AttributeError
s = "text";
print(s.upper()); // expect: TEXT
print(s.shout());
// expect-error: AttributeError@4
