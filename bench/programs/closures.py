# closures: 1 million closures created and called (see closures.ml).


def make_counter():
    count = 0

    def counter():
        nonlocal count
        count = count + 1
        return count

    return counter


def main():
    make_adder = lambda x: lambda y: x + y
    counter = make_counter()
    n = 1000000
    total = 0
    for i in range(n):
        add = make_adder(i % 100)
        total = (total + add(i) + counter()) % 1000000007
    print(total, counter())


main()
