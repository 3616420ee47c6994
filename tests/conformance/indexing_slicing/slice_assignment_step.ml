// §6.2 slice assignment with a step other than 1 needs exactly as many items as positions
arr = [0, 1, 2, 3, 4, 5];
arr[::2] = ["a", "b", "c"];
print(arr); // expect: ["a", 1, "b", 3, "c", 5]
arr[::-2] = [50, 30, 10];
print(arr); // expect: ["a", 10, "b", 30, "c", 50]
arr[4:0:-1] = "WXYZ";
print(arr); // expect: ["a", "Z", "Y", "X", "W", 50]
try {
    arr[::2] = [1, 2];
} except (e) {
    print(e.type, arr);
}
// expect: ValueError ["a", "Z", "Y", "X", "W", 50]
arr[10::2] = [];
print(arr); // expect: ["a", "Z", "Y", "X", "W", 50]
