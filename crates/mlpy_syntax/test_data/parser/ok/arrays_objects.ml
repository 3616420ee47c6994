// Array and object literals; reserved words and strings as keys (spec §2.4).
a = [];
b = [1, [2, 3], []];
c = {};
d = {a: 1, "b c": 2, 'd': [3]};
e = {if: 1, null: 2, fn: 3, true: 4};
f = {nested: {deeper: {x: 1}}, list: [{}, {}]};
g = {"\n": 1};
