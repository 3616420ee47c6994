# fields: 2 million iterations updating two fields of one object (see fields.ml).
# ML objects are insertion-ordered maps, so the Python counterpart is a dict.


def main():
    p = {"x": 0, "y": 0, "name": "point"}
    n = 2000000
    i = 0
    while i < n:
        p["x"] = p["x"] + 1
        p["y"] = p["y"] + p["x"] % 7
        i = i + 1
    print(p["x"], p["y"])


main()
