// §15 names that merely resemble flagged ones, member names, keys and single underscores are allowed
evaluate = fn(x) => x * 2;
_private = 1;
a_b__c = 2;
o = {eval: 3, open: 4, globals: 5};
print(evaluate(2), _private, a_b__c, o.eval, o.open, o.globals); // expect: 4 1 2 3 4 5
file_name = "data.txt";
print(file_name); // expect: data.txt
