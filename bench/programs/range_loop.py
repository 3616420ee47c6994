# range_loop: a 5-million-iteration for-range loop that sums (see range_loop.ml).


def main():
    n = 5000000
    total = 0
    odd = 0
    for i in range(n):
        total = total + i
        odd = odd + i % 2
    print(total, odd)


main()
