// §5.10 slicing arrays with positive steps
arr = [10, 20, 30, 40, 50];
print(arr[1:3], arr[-3:-1], arr[10:], arr[3:1], arr[:]); // expect: [20, 30] [30, 40] [] [] [10, 20, 30, 40, 50]
print(arr[::2], arr[1::2], arr[-100:100], arr[0:0], arr[::3]); // expect: [10, 30, 50] [20, 40] [10, 20, 30, 40, 50] [] [10, 40]
print(arr[5:], arr[-5:], arr[:2], arr[:-2], arr[2:100]); // expect: [] [10, 20, 30, 40, 50] [10, 20] [10, 20, 30] [30, 40, 50]
copy = arr[:];
copy[0] = 0;
print(arr[0], copy == arr, copy[1:] == arr[1:]); // expect: 10 false true
print(typeof(arr[1:2]), [][1:], [1][100000000000000000000:]); // expect: array [] []
