// §9.2 §11.8 input at the end of standard input raises IOError; its prompt is written first
print("asking"); // expect: asking
answer = input("name? ");
// expect: name? 
// expect-error: IOError@3
