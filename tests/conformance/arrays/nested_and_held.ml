// §4.4 int arrays inside arrays and objects, changed through every reference
grid = [[1, 2], [3, 4]];
row = grid[0];
row.append("r");
grid[1][0] = [5];
print(grid); // expect: [[1, 2, "r"], [[5], 4]]
print(grid == [[1, 2, "r"], [[5], 4]]); // expect: true
box = {nums: [1, 2, 3], name: "box"};
alias = box.nums;
alias[2] = box;
print(len(box.nums), box.nums[2].name, box.nums[2].nums[0]); // expect: 3 box 1
print(box.nums[:2]); // expect: [1, 2]
me = [1, 2];
me.append(me);
print(me); // expect: [1, 2, [...]]
print(len(me[2][2][2])); // expect: 3
pairs = [[1, 2], [3, 4]];
[p, q] = pairs[1];
print(p + q); // expect: 7
total = 0;
for (pair in enumerate([10, 20])) {
    total = total + pair[0] + pair[1];
}
print(total, zip([1, 2], ["a", "b"])); // expect: 31 [[1, "a"], [2, "b"]]
