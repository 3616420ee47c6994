// §5.10 a bound or step given as null means omitted
arr = [1, 2, 3, 4];
print(arr[null:null], arr[null:2], arr[2:null], arr[null:null:null], arr[null:null:-1]); // expect: [1, 2, 3, 4] [1, 2] [3, 4] [1, 2, 3, 4] [4, 3, 2, 1]
print("abcd"[null:2], "abcd"[::null]); // expect: ab abcd
