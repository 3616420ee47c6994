// §6.2 slice assignment on arrays without a step replaces the selected items
arr = [1, 2, 3, 4, 5];
arr[1:2] = [9, 9];
print(arr); // expect: [1, 9, 9, 3, 4, 5]
arr[1:3] = [];
print(arr); // expect: [1, 3, 4, 5]
arr[2:2] = ["a", "b"];
print(arr); // expect: [1, 3, "a", "b", 4, 5]
arr[4:1] = ["ins"];
print(arr); // expect: [1, 3, "a", "b", "ins", 4, 5]
arr[:] = "xyz";
print(arr); // expect: ["x", "y", "z"]
arr[-1:] = {k: 1, j: 2};
print(arr); // expect: ["x", "y", "k", "j"]
arr[100:] = [0];
print(arr); // expect: ["x", "y", "k", "j", 0]
arr[:-100] = [-1];
print(arr); // expect: [-1, "x", "y", "k", "j", 0]
arr[1:5:1] = [];
print(arr); // expect: [-1, 0]
self = [1, 2];
self[1:1] = self;
print(self); // expect: [1, 1, 2, 2]
arr[null:null] = iter([7, 8]);
print(arr); // expect: [7, 8]
