# loop: a 10-million-iteration while loop with integer arithmetic (see loop.ml).


def main():
    n = 10000000
    i = 0
    total = 0
    while i < n:
        total = (total * 31 + i) % 1000000007
        i = i + 1
    print(total)


main()
