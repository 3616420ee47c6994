# dict: 200,000 string-keyed inserts then 200,000 lookups (see dict.ml).


def main():
    n = 200000
    d = {}
    for i in range(n):
        d["k" + str(i)] = i
    total = 0
    for i in range(n):
        # 7 and n are coprime, so this visits every key exactly once.
        total = total + d["k" + str((i * 7) % n)]
    print(total, d["k12345"])


main()
